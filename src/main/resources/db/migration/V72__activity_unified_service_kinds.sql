-- One vocabulary of service kinds (cn.sgz.shared.vocabulary.ServiceKind): records now use the codes the catalogs
-- always used. Rewrites the six codes that differed wherever a record's kind is stored; the catalogs' own codes
-- (catalog_indicator.record_kinds) are unchanged.

UPDATE service_record SET kind = 'RESOURCE_LINK' WHERE kind = 'RESOURCE_LINKING';
UPDATE service_record SET kind = 'CARE_SERVICE' WHERE kind = 'CARE_SUPPORT';
UPDATE service_record SET kind = 'POLICY_SERVICE' WHERE kind = 'POLICY_PUBLICITY';
UPDATE service_record SET kind = 'COMMUNITY_SERVICE' WHERE kind = 'COMMUNITY_ACTIVITY';
UPDATE service_record SET kind = 'CONSULTATION_MEETING' WHERE kind = 'CONSULTATION';
UPDATE service_record SET kind = 'PSYCHOSOCIAL' WHERE kind = 'PSYCHOSOCIAL_SUPPORT';

UPDATE service_person_fact SET kind = 'RESOURCE_LINK' WHERE kind = 'RESOURCE_LINKING';
UPDATE service_person_fact SET kind = 'CARE_SERVICE' WHERE kind = 'CARE_SUPPORT';
UPDATE service_person_fact SET kind = 'POLICY_SERVICE' WHERE kind = 'POLICY_PUBLICITY';
UPDATE service_person_fact SET kind = 'COMMUNITY_SERVICE' WHERE kind = 'COMMUNITY_ACTIVITY';
UPDATE service_person_fact SET kind = 'CONSULTATION_MEETING' WHERE kind = 'CONSULTATION';
UPDATE service_person_fact SET kind = 'PSYCHOSOCIAL' WHERE kind = 'PSYCHOSOCIAL_SUPPORT';

UPDATE spot_check_frame SET kind = 'RESOURCE_LINK' WHERE kind = 'RESOURCE_LINKING';
UPDATE spot_check_frame SET kind = 'CARE_SERVICE' WHERE kind = 'CARE_SUPPORT';
UPDATE spot_check_frame SET kind = 'POLICY_SERVICE' WHERE kind = 'POLICY_PUBLICITY';
UPDATE spot_check_frame SET kind = 'COMMUNITY_SERVICE' WHERE kind = 'COMMUNITY_ACTIVITY';
UPDATE spot_check_frame SET kind = 'CONSULTATION_MEETING' WHERE kind = 'CONSULTATION';
UPDATE spot_check_frame SET kind = 'PSYCHOSOCIAL' WHERE kind = 'PSYCHOSOCIAL_SUPPORT';

UPDATE spot_check_item SET kind = 'RESOURCE_LINK' WHERE kind = 'RESOURCE_LINKING';
UPDATE spot_check_item SET kind = 'CARE_SERVICE' WHERE kind = 'CARE_SUPPORT';
UPDATE spot_check_item SET kind = 'POLICY_SERVICE' WHERE kind = 'POLICY_PUBLICITY';
UPDATE spot_check_item SET kind = 'COMMUNITY_SERVICE' WHERE kind = 'COMMUNITY_ACTIVITY';
UPDATE spot_check_item SET kind = 'CONSULTATION_MEETING' WHERE kind = 'CONSULTATION';
UPDATE spot_check_item SET kind = 'PSYCHOSOCIAL' WHERE kind = 'PSYCHOSOCIAL_SUPPORT';

-- 宣传展示 (PUBLICITY) is a recordable kind: where it was published and its link; the service date is the
-- publish date and a screenshot (photo purpose SCREENSHOT) is its evidence.
ALTER TABLE service_record ADD COLUMN publicity_channel VARCHAR(20);
ALTER TABLE service_record ADD COLUMN publicity_link VARCHAR(500);
