-- Run by postgres-setup.sh as the superuser over the cluster's Unix socket. Idempotent: every start brings the role's
-- password in line with the AppHost's parameter, so a regenerated parameter never locks the services out.
\getenv password NHI_DB_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEROLE PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
