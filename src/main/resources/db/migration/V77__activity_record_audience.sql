-- Who a service was for, where the catalog distinguishes it inside a record kind (issue 12 item 9: a
-- 社区社会组织骨干 training indicator must not count 社区工作者 trainings). Written by the module that knows it:
-- community's trainings (培训对象). ACTIVITY_COUNT with a subtype counts records whose audience matches it or
-- that served someone of that ledger subtype.
ALTER TABLE service_record ADD COLUMN audience VARCHAR(100);
UPDATE service_record SET audience = (
    SELECT CASE t.audience WHEN 'BACKBONE' THEN '社区社会组织骨干' WHEN 'WORKER' THEN '社区工作者' ELSE NULL END
    FROM community_training t WHERE t.record_id = service_record.id)
WHERE kind = 'TRAINING';
