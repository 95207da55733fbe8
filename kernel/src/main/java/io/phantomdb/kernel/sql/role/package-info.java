/**
 * Roles as PostgreSQL has them: {@code CREATE/ALTER/DROP ROLE | USER} ({@link
 * io.phantomdb.kernel.sql.role.RoleExecutor}), their options ({@link
 * io.phantomdb.kernel.sql.role.RoleOptions}) and password secrets stored as PostgreSQL's {@code
 * password_encryption = scram-sha-256} stores them ({@link io.phantomdb.kernel.sql.role.ScramSecret}).
 * Roles are catalog objects ({@link io.phantomdb.kernel.sql.catalog.RoleDescriptor}); the
 * protocol layer reads them through {@link io.phantomdb.kernel.sql.Roles}.
 */
package io.phantomdb.kernel.sql.role;
