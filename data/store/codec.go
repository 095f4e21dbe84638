package store

import (
	"bytes"
	"fmt"

	"go.etcd.io/bbolt"
)

// The helpers below are all the entity files need: a value is JSON under a
// string key in the entity's bucket.
//
// A bucket that was never written reads as empty and is created by its first
// put, so a new entity (a new file in this package) needs no migration:
// older data files simply have none of it yet.

// get decodes the value under key into a T; ok is false when there is none.
func get[T any](tx *bbolt.Tx, bucket, key string) (v T, ok bool, err error) {
	b := tx.Bucket([]byte(bucket))
	if b == nil {
		return v, false, nil
	}
	raw := b.Get([]byte(key))
	if raw == nil {
		return v, false, nil
	}
	if err := decodeValue(raw, &v); err != nil {
		return v, false, fmt.Errorf("store: %s/%s: %w", bucket, key, err)
	}
	return v, true, nil
}

// put stores v under key, replacing what was there: as JSON, or a sheet
// in its compact layout (compact.go).
func put(tx *bbolt.Tx, bucket, key string, v any) error {
	raw, err := encodeValue(v)
	if err != nil {
		return fmt.Errorf("store: %s/%s: %w", bucket, key, err)
	}
	b, err := tx.CreateBucketIfNotExists([]byte(bucket))
	if err != nil {
		return fmt.Errorf("store: bucket %s: %w", bucket, err)
	}
	return b.Put([]byte(key), raw)
}

// each decodes, in key order, every value whose key starts with prefix ("" for
// all of them) and calls fn with the key and the value. It stops at the first
// error fn returns.
func each[T any](tx *bbolt.Tx, bucket, prefix string, fn func(key string, v T) error) error {
	b := tx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	p := []byte(prefix)
	c := b.Cursor()
	for k, raw := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, raw = c.Next() {
		var v T
		if err := decodeValue(raw, &v); err != nil {
			return fmt.Errorf("store: %s/%s: %w", bucket, k, err)
		}
		if err := fn(string(k), v); err != nil {
			return err
		}
	}
	return nil
}

// keys lists, in order, the keys that start with prefix, without decoding
// their values.
func keys(tx *bbolt.Tx, bucket, prefix string) []string {
	b := tx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	var out []string
	p := []byte(prefix)
	c := b.Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		out = append(out, string(k))
	}
	return out
}

// yearKey is a year as four digits, so that byte order is year order.
func yearKey(year int) string { return fmt.Sprintf("%04d", year) }

// yearPrefix starts the keys of per-year records ("2022/" + unit code), so a
// year's records are one contiguous range of the bucket.
func yearPrefix(year int) string { return yearKey(year) + "/" }
