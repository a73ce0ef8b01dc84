-- Ignores the tie rule: picks whichever tied customer SQLite meets first.
SELECT c.city, c.name, MAX(t.total) AS total
FROM customers c
JOIN (SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id) t ON t.customer_id = c.id
GROUP BY c.city
ORDER BY c.city;
