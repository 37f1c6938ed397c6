-- Billing schema in the style of a hand-written PostgreSQL migration: types, functions, triggers,
-- DO blocks and procedures, each with the quoting PostgreSQL allows. Statement numbers are asserted
-- by SqlScriptTest; keep them in order when editing.

/* A block comment; /* nested, as PostgreSQL allows */ still a comment; not a statement end */
CREATE TYPE invoice_status AS ENUM ('draft', 'open', 'paid', 'void');

CREATE TABLE customers (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL CHECK (name <> ''),  -- check (x) in a comment is no constraint; nor a ;
    email       varchar(320) UNIQUE,
    tags        text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status      invoice_status NOT NULL DEFAULT 'draft',
    total       numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    rate        double precision NOT NULL DEFAULT 1.5e-3,
    note        text DEFAULT E'line one\nline two; still the default'
);

CREATE INDEX idx_invoices_customer ON invoices (customer_id) WHERE status <> 'void';

CREATE FUNCTION touch_total() RETURNS trigger
    LANGUAGE plpgsql AS $body$
BEGIN
    -- a semicolon; inside a dollar-quoted body
    IF NEW.total < 0 THEN
        RAISE EXCEPTION 'negative total: %; refused', NEW.total;
    END IF;
    NEW.note := coalesce(NEW.note, $$no note; none$$);
    RETURN NEW;
END;
$body$;

CREATE TRIGGER invoices_touch BEFORE INSERT OR UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION touch_total();

CREATE FUNCTION customer_total(p_customer bigint) RETURNS numeric
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT coalesce(sum(total), 0) FROM invoices WHERE customer_id = p_customer AND status = 'paid';
END;

CREATE PROCEDURE void_drafts(p_customer bigint)
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoices SET status = 'void' WHERE customer_id = p_customer AND status = 'draft';
END
$$;

DO $$
DECLARE
    i int;
BEGIN
    FOR i IN 1..3 LOOP
        INSERT INTO customers (name, email, tags) VALUES ('Customer ' || i, 'c' || i || '@example.com',
            ARRAY['tier' || i, 'seed']);
    END LOOP;
END
$$;

INSERT INTO customers (name, email) VALUES ('O''Brien; Jr.', E'o\'brien@example.com');
INSERT INTO invoices (customer_id, status, total) SELECT id, 'paid', 10.5 FROM customers WHERE tags[1] = 'tier1';
INSERT INTO invoices (customer_id, total) SELECT id, 2 FROM customers WHERE name = 'O''Brien; Jr.';
CALL void_drafts(4); -- O'Brien, the fourth customer; a quote in a comment
COMMENT ON TABLE invoices IS 'Bills; one per order, ''quoted'' inside';
CREATE VIEW paid_totals AS SELECT c.name, customer_total(c.id) AS total FROM customers c
