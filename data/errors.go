package data

import (
	"errors"
	"fmt"
)

// Error codes. A code tells the program what kind of failure happened; the
// message tells the officer, in Vietnamese, what to do about it.
const (
	EINVALID  = "invalid"  // the input breaks a rule; the message names the field and range
	ENOTFOUND = "notfound" // the thing asked for does not exist
	ECONFLICT = "conflict" // the input clashes with stored data (duplicate code, locked year)
	ELOCKED   = "locked"   // the year is locked after the appraisal council approved it
	EINTERNAL = "internal" // a bug or an I/O failure; details go to the log
	EDAMAGED  = "damaged"  // a data file or backup is damaged (truncated, overwritten); restore a backup
)

// Error is ParDesk's application error: a machine code and a message written
// for the officer.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf builds an application error with a formatted Vietnamese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func errorf(code, format string, args ...any) error { return Errorf(code, format, args...) }

// ErrorCode returns the code of an application error, EINTERNAL for any
// other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the officer-facing message of err: the application
// message when there is one, a generic one otherwise.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	return "Lỗi hệ thống: " + err.Error()
}
