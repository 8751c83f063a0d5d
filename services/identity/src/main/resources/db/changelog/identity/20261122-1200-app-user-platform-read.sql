--liquibase formatted sql

--changeset platform:identity-20261122-1200-app-user-platform-read
--comment: Platform work (attributing a failed Keycloak sign-in to its member's tenant) may read members, never change them.
CREATE POLICY app_user_platform_read ON app_user FOR SELECT
    USING (current_setting('app.platform_scope', true) = 'on');
--rollback DROP POLICY app_user_platform_read ON app_user;
