-- The jti of every accepted ZorgDomein bearer token, until the token could no longer be accepted
-- (expires_at = the earlier of iat + max age and exp + clock skew). The gateway claims a jti with one
-- statement (insert ... on conflict), so of concurrent requests with the same token exactly one passes.
-- Rows past expires_at are deleted by the gateway (or taken over by a new token with the same jti).
create table zorgdomein_token_id (
    jti         varchar(255)  primary key,
    issuer      text          not null,
    seen_at     timestamptz   not null,
    expires_at  timestamptz   not null
);
create index zorgdomein_token_id_expires on zorgdomein_token_id (expires_at);
