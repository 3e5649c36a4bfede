-- Every replica keeps an in-memory index of its MSSPs' customers and names (see NameIndex). A change to a
-- customer or one of its names notifies the channel "tenantportal_customers" with the customer's id;
-- PostgreSQL delivers it when, and only if, the writing transaction commits, so whatever path wrote the
-- row (an API write, a Graph sync, an import, a script) reaches the other replicas the same way.
CREATE FUNCTION tenantportal_notify_customer_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        -- TRUNCATE fires no row triggers: tell every replica to reload everything.
        PERFORM pg_notify('tenantportal_customers', '*');
    ELSIF TG_TABLE_NAME = 'customer' THEN
        PERFORM pg_notify('tenantportal_customers', CAST(COALESCE(NEW.id, OLD.id) AS text));
    ELSE
        PERFORM pg_notify('tenantportal_customers', CAST(COALESCE(NEW.customer_id, OLD.customer_id) AS text));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER customer_changed AFTER INSERT OR UPDATE OR DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION tenantportal_notify_customer_change();
CREATE TRIGGER customer_name_changed AFTER INSERT OR UPDATE OR DELETE ON customer_name
    FOR EACH ROW EXECUTE FUNCTION tenantportal_notify_customer_change();
CREATE TRIGGER customer_truncated AFTER TRUNCATE ON customer
    FOR EACH STATEMENT EXECUTE FUNCTION tenantportal_notify_customer_change();

-- Suggestions for unknown names are computed in memory now; the nearest-first index is no longer read.
DROP INDEX customer_name_live_key_knn;
