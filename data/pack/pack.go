// Package pack is ParDesk's exchange file: one zip for everything that
// travels between an office, its units and its officers (a framework sent
// to a unit, a unit's self-assessment sent back, a share of the appraisal,
// a locked year's published results).
//
// A package holds manifest.json, which lists every other entry with its
// size and SHA-256, manifest.sig, the ed25519 signature of manifest.json's
// bytes by the sender's installation key (key.go), content.json (what the
// kind carries, content.go) and the evidence files under files/<sha256>.
// A receiving office can therefore prove where each figure came from: who
// sent it, with which key, and that nothing was changed on the way.
//
// Reading (read.go) refuses, before anything is written anywhere, every
// package that is not whole and as signed: a truncated or foreign file, a
// missing or extra entry, a path that could escape a folder, an entry or a
// whole package too large, a zip bomb, a hash or signature that does not
// match. Every refusal names the entry.
package pack

import (
	"strings"
	"time"
)

// FormatVersion is the manifest format this ParDesk writes and reads. A
// newer format is refused with a request to update ParDesk rather than
// read in part.
const FormatVersion = 1

// Kind is what a package carries.
type Kind string

const (
	// KindFramework: office → unit. The year's framework, the unit's
	// identity and group, the deadline, and the office's values for the
	// unit at the time (the base, to tell later what changed since).
	KindFramework Kind = "framework"
	// KindSelf: unit → office. The unit's self scores, notes, evidence
	// and files, the officer who prepared them and the date.
	KindSelf Kind = "self"
	// KindShare: the lead officer → an officer. The units assigned to him
	// to appraise, with the framework and the current values.
	KindShare Kind = "share"
	// KindShareBack: an officer → the lead officer. The appraised scores,
	// notes and evidence of the assigned units, with who appraised them.
	KindShareBack Kind = "share-back"
	// KindResults: office → units. A locked year's results as published
	// (the frozen ranking), so a unit prints its own report from them.
	KindResults Kind = "results"
)

// Kinds lists the kinds in the order the window offers them.
var Kinds = []Kind{KindFramework, KindSelf, KindShare, KindShareBack, KindResults}

// Label is the Vietnamese name of the kind.
func (k Kind) Label() string {
	switch k {
	case KindFramework:
		return "Gói bộ chỉ số (văn phòng gửi đơn vị)"
	case KindSelf:
		return "Gói tự đánh giá (đơn vị gửi văn phòng)"
	case KindShare:
		return "Gói phân công thẩm định (gửi cán bộ thẩm định)"
	case KindShareBack:
		return "Gói kết quả thẩm định (cán bộ gửi lại)"
	case KindResults:
		return "Gói kết quả công bố (văn phòng gửi đơn vị)"
	}
	return string(k)
}

// Name is the kind's short name, without who sends it to whom: "Gói bộ
// chỉ số", as the audit trail and the list of received packages name it.
func (k Kind) Name() string {
	l := k.Label()
	if i := strings.Index(l, " ("); i > 0 {
		return l[:i]
	}
	return l
}

func (k Kind) valid() bool {
	for _, o := range Kinds {
		if k == o {
			return true
		}
	}
	return false
}

// Sender says who made a package. Name is who the receiving office trusts
// (one key per name): the office for what an office sends, the unit for a
// self-assessment, the office and the officer for an appraisal share sent
// back, since each officer appraises on his own PC with his own key.
type Sender struct {
	Name    string `json:"name"`
	Officer string `json:"officer,omitempty"`
}

// Entry is one file of the package besides the manifest and its signature.
type Entry struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	// Name is an evidence file's own name ("Quyết định 12.pdf"); the
	// entry itself is named by its content, files/<sha256>.
	Name string `json:"name,omitempty"`
}

// Manifest describes a package; its bytes are what the sender signs.
type Manifest struct {
	Format  int       `json:"format"`
	Kind    Kind      `json:"kind"`
	ID      string    `json:"id"` // random, names the package in the audit trail
	Sender  Sender    `json:"sender"`
	Key     string    `json:"key"` // the sender's ed25519 public key, base64
	Created time.Time `json:"created"`
	Year    int       `json:"year"`
	Units   []string  `json:"units"` // the unit codes the package covers
	// BasedOn is the ID of the package this one answers (the framework
	// package a self-assessment was entered on), when there is one.
	BasedOn string  `json:"based_on,omitempty"`
	Entries []Entry `json:"entries"`
}

// Entry names inside the zip.
const (
	ManifestPath  = "manifest.json"
	SignaturePath = "manifest.sig"
	ContentPath   = "content.json"
	filesDir      = "files/"
)

// FilePath is the entry of an evidence file with the given SHA-256 (hex).
func FilePath(sha string) string { return filesDir + sha }

// Entry returns the manifest's entry for a path, nil when there is none.
func (m *Manifest) Entry(path string) *Entry {
	for i := range m.Entries {
		if m.Entries[i].Path == path {
			return &m.Entries[i]
		}
	}
	return nil
}

// FileSize sums the sizes of the evidence files.
func (m *Manifest) FileSize() (n int64, count int) {
	for _, e := range m.Entries {
		if len(e.Path) > len(filesDir) && e.Path[:len(filesDir)] == filesDir {
			n += e.Size
			count++
		}
	}
	return n, count
}
