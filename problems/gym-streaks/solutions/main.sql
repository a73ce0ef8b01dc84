WITH days AS (
    SELECT DISTINCT member, day FROM checkins
), keyed AS (
    SELECT member, day,
           julianday(day) - ROW_NUMBER() OVER (PARTITION BY member ORDER BY day) AS streak_key
    FROM days
), streaks AS (
    SELECT member, COUNT(*) AS length, MIN(day) AS start
    FROM keyed
    GROUP BY member, streak_key
), ranked AS (
    SELECT member, length, start,
           ROW_NUMBER() OVER (PARTITION BY member ORDER BY length DESC, start ASC) AS rn
    FROM streaks
)
SELECT member, length AS longest_streak, start AS streak_start
FROM ranked
WHERE rn = 1
ORDER BY longest_streak DESC, member ASC;
