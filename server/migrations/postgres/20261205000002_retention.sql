-- The Vietnamese date (`yyyy-mm-dd`) a dossier's personal data was erased at the end of its
-- retention period; NULL while it is kept. An erased dossier stays in the public figures.
ALTER TABLE dossiers ADD COLUMN erased_on TEXT;
