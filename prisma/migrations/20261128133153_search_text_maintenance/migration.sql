-- Nothing searches search_text by trigrams (typo tolerance matches the search_vector vocabulary), and
-- the index cost about 4 ms on every verification of a busy agreement's update.
-- DropIndex
DROP INDEX "agreement_search_text_idx";

-- A verification appends one narrative to search_text. The vector then grows by that narrative's words
-- instead of being rebuilt from the whole text (tens of kilobytes on a busy agreement): the same
-- lexemes and weights, for a fraction of the work.
CREATE OR REPLACE FUNCTION agreement_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.title IS NOT DISTINCT FROM OLD.title AND OLD.search_vector IS NOT NULL
     AND length(NEW.search_text) > length(OLD.search_text) AND starts_with(NEW.search_text, OLD.search_text) THEN
    NEW.search_vector := OLD.search_vector ||
      setweight(to_tsvector('english', substr(NEW.search_text, length(OLD.search_text) + 1)), 'B');
  ELSE
    NEW.search_vector :=
      setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(NEW.search_text, '')), 'B');
  END IF;
  RETURN NEW;
END $$;
