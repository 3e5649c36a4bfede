-- "Did you mean" suggestions walk this index nearest-first (k-nearest-neighbour by trigram distance),
-- so their cost no longer grows with the number of an MSSP's names. btree_gist lets the MSSP id
-- lead the index; like pg_trgm it is a trusted extension.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX customer_name_live_key_knn ON customer_name USING gist (mssp_id, name_key gist_trgm_ops)
    WHERE deleted_at IS NULL;
