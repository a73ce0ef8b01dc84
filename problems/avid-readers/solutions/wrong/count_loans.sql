-- Counts loans instead of different books: three loans of one book earn a badge.
SELECT m.name AS name, COUNT(*) AS books
FROM members m
JOIN loans l ON l.member_id = m.id
WHERE l.loaned_on >= '2023-01-01' AND l.loaned_on < '2024-01-01'
GROUP BY m.id
HAVING COUNT(*) >= 3;
