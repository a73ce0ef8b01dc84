WITH totals AS (
    SELECT c.city, c.name, SUM(o.amount) AS total
    FROM customers c JOIN orders o ON o.customer_id = c.id
    GROUP BY c.id
), ranked AS (
    SELECT city, name, total,
           ROW_NUMBER() OVER (PARTITION BY city ORDER BY total DESC, name ASC) AS rn
    FROM totals
)
SELECT city, name, total FROM ranked WHERE rn = 1 ORDER BY city;
