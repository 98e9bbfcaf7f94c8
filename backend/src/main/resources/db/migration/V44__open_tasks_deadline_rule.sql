-- The rule a task's due date comes from (a deadlines.DeadlineRule name, or at:<variable> for a
-- date set by the prefecture or the court), read from the model's due date expression by
-- procedure.OpenTaskProjection: the deadlines view and the calendar feed show it with its source.
ALTER TABLE open_tasks ADD COLUMN deadline_rule text;
