package app

import "time"

// today is the date new documents carry; tests replace it.
var today = func() time.Time { return time.Now() }
