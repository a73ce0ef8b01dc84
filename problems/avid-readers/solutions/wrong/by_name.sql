-- Groups by name: two members who share a name are merged into one reader.
SELECT m.name AS name, COUNT(DISTINCT l.book_id) AS books
FROM members m
JOIN loans l ON l.member_id = m.id
WHERE l.loaned_on LIKE '2023-%'
GROUP BY m.name
HAVING COUNT(DISTINCT l.book_id) >= 3;
