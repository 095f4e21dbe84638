package store

import (
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
)

// Exchange packages (data/pack): the senders this file trusts, keyed by
// name, and the packages it imported, keyed by year and package ID.
const (
	bucketTrusted  = "trusted"
	bucketReceived = "received"
)

// Trusted returns the trusted sender of that name; ok is false when the
// name is not trusted yet.
func (tx *Tx) Trusted(name string) (t data.TrustedSender, ok bool, err error) {
	return get[data.TrustedSender](tx.bolt, bucketTrusted, data.Clean(name))
}

// TrustedSenders lists the trusted senders by name.
func (tx *Tx) TrustedSenders() ([]data.TrustedSender, error) {
	var out []data.TrustedSender
	err := each(tx.bolt, bucketTrusted, "", func(_ string, t data.TrustedSender) error {
		out = append(out, t)
		return nil
	})
	return out, err
}

// TrustSender trusts a sender's key from now on. A name already trusted
// with another key is refused: the officer must first forget the old key
// (ForgetSender, with a reason), after checking with the sender why it
// changed. The audit trail records who trusted which key.
func (tx *Tx) TrustSender(t data.TrustedSender) error {
	t.Name = data.Clean(t.Name)
	if t.Name == "" || t.Key == "" {
		return data.Errorf(data.EINVALID, "Người gửi tin cậy: thiếu tên hoặc khóa")
	}
	old, had, err := tx.Trusted(t.Name)
	if err != nil {
		return err
	}
	if had {
		if old.Key == t.Key {
			return nil
		}
		return data.Errorf(data.ECONFLICT, "%s đã được tin cậy với khóa %s; không tin cậy thêm khóa %s", t.Name, old.Fingerprint, t.Fingerprint)
	}
	t.Since, t.Officer = tx.now(), tx.officer
	if err := tx.record(data.AuditEntry{Kind: data.AuditPackage, Item: "Tin cậy người gửi " + t.Name, New: "khóa " + t.Fingerprint}); err != nil {
		return err
	}
	return put(tx.bolt, bucketTrusted, t.Name, t)
}

// ForgetSender stops trusting a sender (a reinstalled PC has a new key):
// its next package asks again. The reason is required and audited.
func (tx *Tx) ForgetSender(name, reason string) error {
	name, reason = data.Clean(name), data.Clean(reason)
	old, had, err := tx.Trusted(name)
	if err != nil {
		return err
	}
	if !had {
		return data.Errorf(data.ENOTFOUND, "Không có người gửi tin cậy tên «%s»", name)
	}
	if reason == "" {
		return data.Errorf(data.EINVALID, "Lý do bỏ tin cậy %s: chưa nhập", name)
	}
	if err := tx.record(data.AuditEntry{Kind: data.AuditPackage, Item: "Bỏ tin cậy người gửi " + name, Old: "khóa " + old.Fingerprint, Reason: reason}); err != nil {
		return err
	}
	return tx.bolt.Bucket([]byte(bucketTrusted)).Delete([]byte(name))
}

func receivedKey(year int, id string) string { return yearPrefix(year) + id }

// PutReceived records an imported package. The import audits it: this
// record keeps what an answer to the package needs (its ID and base).
func (tx *Tx) PutReceived(r data.ReceivedPackage) error {
	if r.ID == "" {
		return data.Errorf(data.EINVALID, "Gói đã nhận: thiếu mã gói")
	}
	return put(tx.bolt, bucketReceived, receivedKey(r.Year, r.ID), r)
}

// HasReceived reports whether the package was imported already.
func (tx *Tx) HasReceived(year int, id string) bool {
	b := tx.bolt.Bucket([]byte(bucketReceived))
	return b != nil && b.Get([]byte(receivedKey(year, id))) != nil
}

// Received lists the packages imported for a year, newest first.
func (tx *Tx) Received(year int) ([]data.ReceivedPackage, error) {
	var out []data.ReceivedPackage
	err := each(tx.bolt, bucketReceived, yearPrefix(year), func(_ string, r data.ReceivedPackage) error {
		out = append(out, r)
		return nil
	})
	slices.SortStableFunc(out, func(a, b data.ReceivedPackage) int { return b.Received.Compare(a.Received) })
	return out, err
}

// LastReceived is the newest imported package of a kind that covered the
// unit in that year; ok is false when there is none.
func (tx *Tx) LastReceived(kind string, year int, unit string) (r data.ReceivedPackage, ok bool, err error) {
	all, err := tx.Received(year)
	if err != nil {
		return r, false, err
	}
	for _, p := range all {
		if p.Kind == kind && slices.ContainsFunc(p.Units, func(u string) bool { return strings.EqualFold(u, unit) }) {
			return p, true, nil
		}
	}
	return r, false, nil
}

// LockPublished locks a year with the ranking as another office published
// it (a results package): the year's framework and sheets must be stored
// first, in the same transaction. From then on the year's reports read the
// published figures, exactly as LockYear's own snapshot.
func (tx *Tx) LockPublished(snap data.RankingSnapshot, reason string) error {
	if err := tx.CheckUnlocked(snap.Year); err != nil {
		return err
	}
	if _, err := tx.Framework(snap.Year); err != nil {
		return err
	}
	if snap.Groups == nil {
		snap.Groups = []data.SnapshotGroup{}
	}
	if err := put(tx.bolt, bucketSnapshots, yearKey(snap.Year), snap); err != nil {
		return err
	}
	return tx.setLock(snap.Year, true, data.Clean(reason))
}

// RecordPackage adds an entry about a package to the audit trail: the
// package imported, or a conflict kept as the file had it.
func (tx *Tx) RecordPackage(year int, unit, item, old, new string) error {
	return tx.record(data.AuditEntry{Kind: data.AuditPackage, Year: year, Unit: unit, Item: item, Old: old, New: new})
}

// Now is the transaction's clock, the one the audit trail uses.
func (tx *Tx) Now() time.Time { return tx.now() }

// Officer is the officer this transaction's changes are recorded under.
func (tx *Tx) Officer() string { return tx.officer }
