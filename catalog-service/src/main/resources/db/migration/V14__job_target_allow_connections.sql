-- Whether an in-place restore's target accepted connections before its swap closed it, from the worker's SWAPPING
-- event: a retry (or the cleanup of a restore given up) re-opens a target it finds closed only when it was open.
ALTER TABLE job ADD COLUMN target_allow_connections boolean;
