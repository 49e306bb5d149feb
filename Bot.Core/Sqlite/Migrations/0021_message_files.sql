-- Files both ways. A marketplace message's files other than pictures (JSON: url, name, content type, size), shown to
-- staff as documents; and the name and type of a document staff sent (source_file_id holds its Telegram file id;
-- no type: a photo).
ALTER TABLE messages ADD COLUMN files_json TEXT;
ALTER TABLE messages ADD COLUMN source_file_name TEXT;
ALTER TABLE messages ADD COLUMN source_file_type TEXT;
