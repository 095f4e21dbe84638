package data

import "time"

// AuditPackage marks the audit entries of exchange packages: a package
// imported (its kind, sender and key), a sender trusted or forgotten.
// The changes a package makes are recorded as usual, each with the
// package named as its reason.
const AuditPackage = "package"

// TrustedSender is a sender whose packages this data file accepts: the
// name the packages carry and the public key that signs them. It is
// trusted once, after an officer compares the key's fingerprint with the
// sender (by phone, on paper); a package from that name signed with any
// other key is refused from then on.
type TrustedSender struct {
	Name        string    `json:"name"`
	Key         string    `json:"key"` // ed25519 public key, base64
	Fingerprint string    `json:"fingerprint"`
	Since       time.Time `json:"since"`
	Officer     string    `json:"officer,omitempty"` // who trusted it
}

// ReceivedPackage records a package imported into this data file: who sent
// it, with which key, what it covered, and the values it was based on
// (Base: the sender's values of the units when it sent the package), which
// the answer to it carries back so that the sender can tell what it
// changed since.
type ReceivedPackage struct {
	ID          string    `json:"id"`
	Kind        string    `json:"kind"`
	Sender      string    `json:"sender"`
	Officer     string    `json:"officer,omitempty"`
	Fingerprint string    `json:"fingerprint"`
	Year        int       `json:"year"`
	Units       []string  `json:"units"`
	Created     time.Time `json:"created"`
	Received    time.Time `json:"received"`
	Deadline    string    `json:"deadline,omitempty"`
	Assignee    string    `json:"assignee,omitempty"`
	Base        []Sheet   `json:"base,omitempty"`
	// File is the signed package as received, kept in the folder of
	// received packages beside the data file: the proof of where the
	// figures it brought came from.
	File string `json:"file,omitempty"`
}
