package data

import (
	"fmt"
	"time"
)

// FormatDate prints a date as officers write it: 09/06/2023.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

// ParseDate reads 09/06/2023 (also 9/6/2023 and 2023-06-09).
func ParseDate(s string) (time.Time, error) {
	s = Clean(s)
	for _, layout := range []string{"02/01/2006", "2/1/2006", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errorf(EINVALID, "%q không phải là ngày hợp lệ (dạng 09/06/2023)", s)
}

// DateLine is the place-and-date line of an administrative document
// (Decree 30/2020): "Nguyên Bình, ngày 09 tháng 6 năm 2023". Days under 10
// and the months 1 and 2 take a leading zero.
func DateLine(place string, t time.Time) string {
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= 2 {
		month = "0" + month
	}
	return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", place, t.Day(), month, t.Year())
}
