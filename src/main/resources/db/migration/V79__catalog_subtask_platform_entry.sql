-- Four-level catalogs (重点任务 → 分项任务 → 服务内容 → 服务标准): the 分项任务 a 服务内容 belongs to, verbatim;
-- null in a three-level catalog.
ALTER TABLE catalog_item ADD COLUMN subtask VARCHAR(200);

-- A per-record requirement of an indicator: a record counts only when it is marked as entered in this national
-- platform (全国志愿服务信息系统, 全国社会工作服务信息平台 …).
ALTER TABLE catalog_indicator ADD COLUMN platform VARCHAR(100);

-- 已录入全国平台: the date a worker entered the service record in the national platform, and the platform's
-- number for it (optional). Null: not entered. The record's version guards the change (optimistic locking).
ALTER TABLE service_record ADD COLUMN platform_entered_on DATE;
ALTER TABLE service_record ADD COLUMN platform_ref VARCHAR(64);
