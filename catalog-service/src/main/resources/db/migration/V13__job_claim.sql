-- The claim that holds a job: a worker makes a random claim id each time it takes a job, so that a job delivered
-- twice (even to one worker) is two claims, and only the first one's events count.
ALTER TABLE job ADD COLUMN claim_id varchar(64);
