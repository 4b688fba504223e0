"""Readers (files, JSONL, gzip, directories, stdin) and writers (JSONL, table, mentions)."""
