-- Evidence rules follow from the kind of service; a worker who relaxes one says why (shown to the bureau):
-- a gathering held outdoors (no sign-in sheet), a goods kind (物质帮扶) that handed out no goods (no receipts).
-- rules_version: the version of the qualification rules a record was last qualified under; records qualified
-- under older rules are requalified at start-up (QualificationRules.VERSION).
ALTER TABLE service_record ADD COLUMN outdoor_reason VARCHAR(200);
ALTER TABLE service_record ADD COLUMN no_goods_reason VARCHAR(200);
ALTER TABLE service_record ADD COLUMN rules_version INT NOT NULL DEFAULT 0;
