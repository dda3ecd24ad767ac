-- Trigram matching for the census name search (patients_search_trgm_idx).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
