DROP INDEX "orders_owed_idx";--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD COLUMN "open_balance_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- What an order adds to its organization's open balance: its total while it is a bill-me order the
-- seller accepted (the statuses of OWED_STATUSES, server/services/orders/credit.ts) and unpaid.
CREATE FUNCTION "order_owed_minor"("payment_method" payment_method, "settled_at" timestamptz, "status" order_status, "total_minor" bigint)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN payment_method = 'on_account' AND settled_at IS NULL
    AND status IN ('payment_authorized', 'backordered', 'released', 'shipped', 'deposited') THEN total_minor ELSE 0 END
$$;
--> statement-breakpoint
-- Keeps customer_accounts.open_balance_minor equal to the sum of order_owed_minor over the
-- organization's orders, whichever statement changes an order.
CREATE FUNCTION "orders_track_open_balance"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was bigint := 0;
  now_owed bigint := 0;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    was := order_owed_minor(OLD.payment_method, OLD.settled_at, OLD.status, OLD.total_minor);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    now_owed := order_owed_minor(NEW.payment_method, NEW.settled_at, NEW.status, NEW.total_minor);
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.organization_id IS DISTINCT FROM NEW.organization_id THEN
    UPDATE customer_accounts SET open_balance_minor = open_balance_minor - was WHERE organization_id = OLD.organization_id AND was <> 0;
    UPDATE customer_accounts SET open_balance_minor = open_balance_minor + now_owed WHERE organization_id = NEW.organization_id AND now_owed <> 0;
  ELSIF now_owed <> was THEN
    UPDATE customer_accounts SET open_balance_minor = open_balance_minor + now_owed - was
      WHERE organization_id = COALESCE(NEW.organization_id, OLD.organization_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "orders_open_balance" AFTER INSERT OR DELETE OR UPDATE OF "payment_method", "settled_at", "status", "total_minor", "organization_id"
  ON "orders" FOR EACH ROW EXECUTE FUNCTION "orders_track_open_balance"();
--> statement-breakpoint
-- An account opened for an organization that already has orders starts from what they owe.
CREATE FUNCTION "customer_accounts_open_balance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.open_balance_minor := (SELECT COALESCE(SUM(order_owed_minor(o.payment_method, o.settled_at, o.status, o.total_minor)), 0)
    FROM orders o WHERE o.organization_id = NEW.organization_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "customer_accounts_open_balance" BEFORE INSERT ON "customer_accounts"
  FOR EACH ROW EXECUTE FUNCTION "customer_accounts_open_balance"();
--> statement-breakpoint
UPDATE "customer_accounts" ca SET "open_balance_minor" = owed.minor
FROM (
  SELECT o.organization_id, SUM(order_owed_minor(o.payment_method, o.settled_at, o.status, o.total_minor)) AS minor
  FROM orders o GROUP BY o.organization_id
) owed
WHERE owed.organization_id = ca.organization_id;
