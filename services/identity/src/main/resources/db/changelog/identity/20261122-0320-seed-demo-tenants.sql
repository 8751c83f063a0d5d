--liquibase formatted sql

--changeset platform:identity-20261122-0320-seed-demo-tenants context:local
--comment: The demo tenants of the shipped Keycloak realm (same ids as its users' tenant_id), published like any tenant.
SELECT set_config('app.platform_scope', 'on', true);
INSERT INTO tenant (id, slug, name, status, tier, version, created_at, updated_at) VALUES
    ('a1a1a1a1-0000-4000-8000-000000000001', 'acme', 'Acme Podcast Network', 'ACTIVE', 'growth', 1, '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z'),
    ('b2b2b2b2-0000-4000-8000-000000000002', 'globex', 'Globex Audio', 'ACTIVE', 'starter', 1, '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z')
ON CONFLICT (id) DO NOTHING;
INSERT INTO outbox_event (id, topic, message_key, source, type, tenant_id, subject, occurred_at, payload)
SELECT gen_random_uuid(), 'identity.tenant.v1', t.id::text, '/identity', 'io.podcastplatform.identity.tenant.changed',
       t.id, t.id::text, t.updated_at,
       jsonb_build_object('id', t.id, 'slug', t.slug, 'name', t.name, 'status', t.status, 'tier', t.tier,
                          'version', t.version, 'updatedAt', to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
FROM tenant t
WHERE t.id IN ('a1a1a1a1-0000-4000-8000-000000000001', 'b2b2b2b2-0000-4000-8000-000000000002');
--rollback SELECT set_config('app.platform_scope', 'on', true);
--rollback DELETE FROM tenant WHERE id IN ('a1a1a1a1-0000-4000-8000-000000000001', 'b2b2b2b2-0000-4000-8000-000000000002');
