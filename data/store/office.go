package store

import "github.com/pardesk/pardesk/data"

// The office is a single record: the one office this file belongs to.
const (
	bucketOffice = "office"
	keyOffice    = "office"
)

// Office returns the office, or a zero Office before it is first saved (the
// first-run screen asks for it).
func (tx *Tx) Office() (data.Office, error) {
	o, _, err := get[data.Office](tx.bolt, bucketOffice, keyOffice)
	return o, err
}

// PutOffice validates and saves the office.
func (tx *Tx) PutOffice(o data.Office) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return put(tx.bolt, bucketOffice, keyOffice, o)
}
