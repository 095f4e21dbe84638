package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// One-stop-shop figures (Chỉ tiêu một cửa): what a unit's one-stop shop
// (Bộ phận một cửa) reports for a period — dossiers carried over, received,
// resolved and pending, how they came in and went out, and the citizens'
// satisfaction — and the rates the office judges them by against the year's
// targets.

// PeriodKind is the length of a reporting period.
type PeriodKind string

// Period kinds. Offices report monthly, quarterly, half-yearly and yearly.
const (
	PeriodYear    PeriodKind = "Y"
	PeriodHalf    PeriodKind = "H"
	PeriodQuarter PeriodKind = "Q"
	PeriodMonth   PeriodKind = "M"
)

// Period is a reporting period: a year, its first or second half, a quarter
// or a month.
type Period struct {
	Year int        `json:"year"`
	Kind PeriodKind `json:"kind"`
	// N is the half (1-2), quarter (1-4) or month (1-12); 0 for a year.
	N int `json:"n,omitempty"`
}

// Year bounds of a reporting period.
const (
	MinPeriodYear = 2000
	MaxPeriodYear = 2100
)

// YearPeriod is the whole year.
func YearPeriod(year int) Period { return Period{Year: year, Kind: PeriodYear} }

// PeriodSyntax describes what ParsePeriod accepts, for messages and usage.
const PeriodSyntax = "2023 (cả năm), 2023-H1 (6 tháng đầu năm), 2023-Q1 (quý I), 2023-06 (tháng 6)"

// ParsePeriod reads a period written as 2023, 2023-H1 or 2023-H2,
// 2023-Q1 … 2023-Q4, or 2023-06 (a month, 1 to 12). Case does not matter.
func ParsePeriod(s string) (Period, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	year, rest, _ := strings.Cut(s, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 {
		return Period{}, errorf(EINVALID, "Kỳ báo cáo %q: viết dạng %s", s, PeriodSyntax)
	}
	return ParsePeriodIn(y, rest)
}

// ParsePeriodIn reads the part of a period after the year: "" or "Y" for
// the year, "H1", "Q3", "06" or "M6" for a month. A full period "2023-Q1"
// is accepted too when its year is year.
func ParsePeriodIn(year int, s string) (Period, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if y, rest, ok := strings.Cut(s, "-"); ok {
		if y != strconv.Itoa(year) {
			return Period{}, errorf(EINVALID, "Kỳ báo cáo %q không thuộc năm %d", s, year)
		}
		s = rest
	}
	p := Period{Year: year, Kind: PeriodYear}
	bad := errorf(EINVALID, "Kỳ báo cáo %q: viết dạng %s", s, PeriodSyntax)
	switch {
	case s == "" || s == "Y" || s == "N":
	case s[0] == 'H' || s[0] == 'Q' || s[0] == 'M':
		n, err := strconv.Atoi(s[1:])
		if err != nil {
			return Period{}, bad
		}
		p.Kind, p.N = PeriodKind(s[:1]), n
	default:
		n, err := strconv.Atoi(s)
		if err != nil {
			return Period{}, bad
		}
		p.Kind, p.N = PeriodMonth, n
	}
	return p, p.Validate()
}

// Validate checks the year and the number of the half, quarter or month.
func (p Period) Validate() error {
	if p.Year < MinPeriodYear || p.Year > MaxPeriodYear {
		return errorf(EINVALID, "Năm của kỳ báo cáo: %d không hợp lệ, phải từ %d đến %d", p.Year, MinPeriodYear, MaxPeriodYear)
	}
	var max int
	switch p.Kind {
	case PeriodYear:
		if p.N != 0 {
			return errorf(EINVALID, "Kỳ báo cáo cả năm không có số thứ tự")
		}
		return nil
	case PeriodHalf:
		max = 2
	case PeriodQuarter:
		max = 4
	case PeriodMonth:
		max = 12
	default:
		return errorf(EINVALID, "Loại kỳ báo cáo %q không hợp lệ (năm, 6 tháng, quý, tháng)", p.Kind)
	}
	if p.N < 1 || p.N > max {
		return errorf(EINVALID, "Kỳ báo cáo: %s số %d không hợp lệ, phải từ 1 đến %d", p.kindName(), p.N, max)
	}
	return nil
}

func (p Period) kindName() string {
	switch p.Kind {
	case PeriodHalf:
		return "6 tháng"
	case PeriodQuarter:
		return "quý"
	case PeriodMonth:
		return "tháng"
	}
	return "năm"
}

// Code is the period within its year: "Y", "H1", "Q2", "M06". Store keys
// use it.
func (p Period) Code() string {
	switch p.Kind {
	case PeriodMonth:
		return fmt.Sprintf("M%02d", p.N)
	case PeriodHalf, PeriodQuarter:
		return fmt.Sprintf("%s%d", p.Kind, p.N)
	}
	return "Y"
}

// String is the period as ParsePeriod reads it: "2023", "2023-H1",
// "2023-Q2", "2023-06".
func (p Period) String() string {
	switch p.Kind {
	case PeriodMonth:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case PeriodHalf, PeriodQuarter:
		return fmt.Sprintf("%04d-%s%d", p.Year, p.Kind, p.N)
	}
	return fmt.Sprintf("%04d", p.Year)
}

var romanQuarter = []string{"", "I", "II", "III", "IV"}

// Label names the period inside a sentence: "năm 2023", "6 tháng đầu năm
// 2023", "quý I năm 2023", "tháng 6 năm 2023".
func (p Period) Label() string {
	switch p.Kind {
	case PeriodHalf:
		if p.N == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	case PeriodQuarter:
		if p.N >= 1 && p.N <= 4 {
			return fmt.Sprintf("quý %s năm %d", romanQuarter[p.N], p.Year)
		}
	case PeriodMonth:
		return fmt.Sprintf("tháng %d năm %d", p.N, p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// Title is Label with a capital first letter, for headings and lists.
func (p Period) Title() string {
	return UpperFirst(p.Label())
}

// PeriodsOfYear lists every period of a year in the order forms offer
// them: the year, its halves, quarters and months.
func PeriodsOfYear(year int) []Period {
	ps := []Period{YearPeriod(year)}
	for n := 1; n <= 2; n++ {
		ps = append(ps, Period{year, PeriodHalf, n})
	}
	for n := 1; n <= 4; n++ {
		ps = append(ps, Period{year, PeriodQuarter, n})
	}
	for n := 1; n <= 12; n++ {
		ps = append(ps, Period{year, PeriodMonth, n})
	}
	return ps
}

// months returns the first month of the period and its length in months.
func (p Period) months() (first, length int) {
	switch p.Kind {
	case PeriodHalf:
		return 6*(p.N-1) + 1, 6
	case PeriodQuarter:
		return 3*(p.N-1) + 1, 3
	case PeriodMonth:
		return p.N, 1
	}
	return 1, 12
}

// Before orders periods by their start, the longer first when two start
// together (the year before its first half, first quarter and January).
func (p Period) Before(q Period) bool {
	if p.Year != q.Year {
		return p.Year < q.Year
	}
	pf, pl := p.months()
	qf, ql := q.months()
	if pf != qf {
		return pf < qf
	}
	return pl > ql
}

// Start is the first day of the period.
func (p Period) Start() time.Time {
	first, _ := p.months()
	return time.Date(p.Year, time.Month(first), 1, 0, 0, 0, 0, time.Local)
}

// OneStopFigures are a unit's one-stop-shop figures for a period, as the
// unit copies them from the one-stop-shop information system and its own
// books. Every figure is a count; the rates are derived by Rate, never
// stored.
type OneStopFigures struct {
	Unit   string `json:"unit"`
	Period Period `json:"period"`

	// Dossiers (hồ sơ thủ tục hành chính).
	Carried  int64 `json:"carried"`  // kỳ trước chuyển sang: still being handled at the start of the period
	Received int64 `json:"received"` // tiếp nhận mới trong kỳ
	// How the newly received dossiers came in; they add up to Received.
	OnlinePartial int64 `json:"online_partial"` // dịch vụ công trực tuyến một phần (mức độ 3)
	OnlineFull    int64 `json:"online_full"`    // dịch vụ công trực tuyến toàn trình (mức độ 4)
	ByPost        int64 `json:"by_post"`        // qua dịch vụ bưu chính công ích
	InPerson      int64 `json:"in_person"`      // trực tiếp tại Bộ phận một cửa

	Resolved int64 `json:"resolved"` // đã giải quyết = Early + OnTime + Late
	Early    int64 `json:"early"`    // trước hạn
	OnTime   int64 `json:"on_time"`  // đúng hạn
	Late     int64 `json:"late"`     // quá hạn (trễ hẹn)

	Pending        int64 `json:"pending"`         // đang giải quyết cuối kỳ = PendingInTime + PendingOverdue
	PendingInTime  int64 `json:"pending_in_time"` // trong hạn
	PendingOverdue int64 `json:"pending_overdue"` // quá hạn

	Apologies    int64 `json:"apologies"`     // thư xin lỗi gửi công dân vì hồ sơ quá hạn
	PostReturned int64 `json:"post_returned"` // kết quả trả qua bưu chính công ích (BCCI)
	FeeDossiers  int64 `json:"fee_dossiers"`  // hồ sơ tiếp nhận có phí, lệ phí phải nộp
	PaidOnline   int64 `json:"paid_online"`   // trong đó nộp phí, lệ phí trực tuyến
	Digitised    int64 `json:"digitised"`     // hồ sơ tiếp nhận được số hóa hồ sơ, kết quả

	// Online public services (dịch vụ công trực tuyến) the unit offers, and
	// how many of them had at least one dossier in the period.
	OnlineServices     int64 `json:"online_services"`
	OnlineServicesUsed int64 `json:"online_services_used"`

	// Satisfaction survey answers (phiếu đánh giá mức độ hài lòng).
	VerySatisfied int64 `json:"very_satisfied"`
	Satisfied     int64 `json:"satisfied"`
	NotSatisfied  int64 `json:"not_satisfied"`

	Note string `json:"note,omitempty"`
}

// MaxCount bounds every figure: more than a province's dossiers in a year,
// less than a typing slip of an extra digit or two would give.
const MaxCount = 100_000_000

// OneStopField is one count of OneStopFigures with the label forms and
// messages use.
type OneStopField struct {
	Key   string
	Label string
	// Group is the block of the entry form the field belongs to.
	Group string
	get   func(*OneStopFigures) *int64
}

// Of returns a pointer to the field's count in f.
func (fd OneStopField) Of(f *OneStopFigures) *int64 { return fd.get(f) }

// Blocks of the entry form.
const (
	GroupReceived = "Tiếp nhận hồ sơ"
	GroupResolved = "Giải quyết hồ sơ"
	GroupServices = "Trả kết quả, thanh toán, số hóa"
	GroupSurvey   = "Đánh giá mức độ hài lòng"
)

// OneStopFields lists the counts in the order of the national one-stop
// report form.
var OneStopFields = []OneStopField{
	{"carried", "Kỳ trước chuyển sang", GroupReceived, func(f *OneStopFigures) *int64 { return &f.Carried }},
	{"received", "Tiếp nhận mới trong kỳ", GroupReceived, func(f *OneStopFigures) *int64 { return &f.Received }},
	{"online_partial", "– trực tuyến một phần", GroupReceived, func(f *OneStopFigures) *int64 { return &f.OnlinePartial }},
	{"online_full", "– trực tuyến toàn trình", GroupReceived, func(f *OneStopFigures) *int64 { return &f.OnlineFull }},
	{"by_post", "– qua bưu chính công ích", GroupReceived, func(f *OneStopFigures) *int64 { return &f.ByPost }},
	{"in_person", "– trực tiếp", GroupReceived, func(f *OneStopFigures) *int64 { return &f.InPerson }},
	{"resolved", "Đã giải quyết", GroupResolved, func(f *OneStopFigures) *int64 { return &f.Resolved }},
	{"early", "– trước hạn", GroupResolved, func(f *OneStopFigures) *int64 { return &f.Early }},
	{"on_time", "– đúng hạn", GroupResolved, func(f *OneStopFigures) *int64 { return &f.OnTime }},
	{"late", "– quá hạn", GroupResolved, func(f *OneStopFigures) *int64 { return &f.Late }},
	{"pending", "Đang giải quyết", GroupResolved, func(f *OneStopFigures) *int64 { return &f.Pending }},
	{"pending_in_time", "– trong hạn", GroupResolved, func(f *OneStopFigures) *int64 { return &f.PendingInTime }},
	{"pending_overdue", "– quá hạn", GroupResolved, func(f *OneStopFigures) *int64 { return &f.PendingOverdue }},
	{"apologies", "Thư xin lỗi đã gửi", GroupResolved, func(f *OneStopFigures) *int64 { return &f.Apologies }},
	{"post_returned", "Kết quả trả qua BCCI", GroupServices, func(f *OneStopFigures) *int64 { return &f.PostReturned }},
	{"fee_dossiers", "Hồ sơ có phí, lệ phí", GroupServices, func(f *OneStopFigures) *int64 { return &f.FeeDossiers }},
	{"paid_online", "– nộp phí trực tuyến", GroupServices, func(f *OneStopFigures) *int64 { return &f.PaidOnline }},
	{"digitised", "Hồ sơ được số hóa", GroupServices, func(f *OneStopFigures) *int64 { return &f.Digitised }},
	{"online_services", "Số DVC trực tuyến cung cấp", GroupServices, func(f *OneStopFigures) *int64 { return &f.OnlineServices }},
	{"online_services_used", "– có phát sinh hồ sơ", GroupServices, func(f *OneStopFigures) *int64 { return &f.OnlineServicesUsed }},
	{"very_satisfied", "Rất hài lòng", GroupSurvey, func(f *OneStopFigures) *int64 { return &f.VerySatisfied }},
	{"satisfied", "Hài lòng", GroupSurvey, func(f *OneStopFigures) *int64 { return &f.Satisfied }},
	{"not_satisfied", "Không hài lòng", GroupSurvey, func(f *OneStopFigures) *int64 { return &f.NotSatisfied }},
}

// ParseCount reads a count as officers type it: "7447", "7.447" or
// "7 447". Blank is 0. Decimals, signs and letters are refused; the error
// is a plain reason, callers add the field.
func ParseCount(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, nil
	}
	digits := strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(t)
	if !allDigits(digits) || strings.Contains(t, ",") {
		return 0, errorf(EINVALID, "%q không phải là số nguyên không âm", t)
	}
	// Separators must group thousands: "12.8257" is a slip, not 128 257.
	if groups := strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == ' ' || r == '\u00a0' }); len(groups) > 1 {
		for i, g := range groups {
			if (i == 0 && len(g) > 3) || (i > 0 && len(g) != 3) {
				return 0, errorf(EINVALID, "%q ghi sai dấu phân cách hàng nghìn (ghi 7447 hoặc 7.447)", t)
			}
		}
	}
	if len(digits) > 12 {
		return 0, errorf(EINVALID, "%q quá lớn, tối đa %s", t, FormatCount(MaxCount))
	}
	n, _ := strconv.ParseInt(digits, 10, 64)
	return n, nil
}

// Validate checks the figures and normalises the note. Figures that do not
// add up are refused with a message that shows the sums; nothing is ever
// corrected silently.
func (f *OneStopFigures) Validate() error {
	f.Unit = Clean(f.Unit)
	f.Note = CleanMultiline(f.Note)
	if f.Unit == "" {
		return errorf(EINVALID, "Số liệu một cửa: chưa chọn đơn vị")
	}
	if err := f.Period.Validate(); err != nil {
		return err
	}
	for _, fd := range OneStopFields {
		if v := *fd.get(f); v < 0 || v > MaxCount {
			return errorf(EINVALID, "%s: %s không hợp lệ, phải từ 0 đến %s", fieldName(fd), FormatCount(v), FormatCount(MaxCount))
		}
	}
	n := FormatCount
	if ch := f.OnlinePartial + f.OnlineFull + f.ByPost + f.InPerson; ch != f.Received {
		return errorf(EINVALID, "Tiếp nhận mới (%s) phải bằng trực tuyến một phần + trực tuyến toàn trình + qua BCCI + trực tiếp (%s + %s + %s + %s = %s)",
			n(f.Received), n(f.OnlinePartial), n(f.OnlineFull), n(f.ByPost), n(f.InPerson), n(ch))
	}
	if s := f.Early + f.OnTime + f.Late; s != f.Resolved {
		return errorf(EINVALID, "Đã giải quyết (%s) phải bằng trước hạn + đúng hạn + quá hạn (%s + %s + %s = %s)",
			n(f.Resolved), n(f.Early), n(f.OnTime), n(f.Late), n(s))
	}
	if s := f.PendingInTime + f.PendingOverdue; s != f.Pending {
		return errorf(EINVALID, "Đang giải quyết (%s) phải bằng trong hạn + quá hạn (%s + %s = %s)",
			n(f.Pending), n(f.PendingInTime), n(f.PendingOverdue), n(s))
	}
	if in, out := f.Carried+f.Received, f.Resolved+f.Pending; in != out {
		return errorf(EINVALID, "Kỳ trước chuyển sang + tiếp nhận mới (%s + %s = %s) phải bằng đã giải quyết + đang giải quyết (%s + %s = %s)",
			n(f.Carried), n(f.Received), n(in), n(f.Resolved), n(f.Pending), n(out))
	}
	type within struct {
		part, whole int64
		partName    string
		wholeName   string
	}
	for _, c := range []within{
		{f.Apologies, f.Late + f.PendingOverdue, "Thư xin lỗi đã gửi", "số hồ sơ quá hạn (đã giải quyết quá hạn + đang giải quyết quá hạn)"},
		{f.PostReturned, f.Resolved, "Kết quả trả qua BCCI", "số hồ sơ đã giải quyết"},
		{f.FeeDossiers, f.Received, "Hồ sơ có phí, lệ phí", "số hồ sơ tiếp nhận mới"},
		{f.PaidOnline, f.FeeDossiers, "Hồ sơ nộp phí trực tuyến", "số hồ sơ có phí, lệ phí"},
		{f.Digitised, f.Received, "Hồ sơ được số hóa", "số hồ sơ tiếp nhận mới"},
		{f.OnlineServicesUsed, f.OnlineServices, "Số DVC trực tuyến có phát sinh hồ sơ", "số DVC trực tuyến cung cấp"},
	} {
		if c.part > c.whole {
			return errorf(EINVALID, "%s (%s) không được lớn hơn %s (%s), phải từ 0 đến %s",
				c.partName, n(c.part), c.wholeName, n(c.whole), n(c.whole))
		}
	}
	return nil
}

// fieldName is the label of a field without the dash of the form's
// sub-items, qualified by its parent where the label alone is ambiguous.
func fieldName(fd OneStopField) string {
	l := strings.TrimPrefix(fd.Label, "– ")
	if l == fd.Label {
		return l
	}
	switch fd.Key {
	case "online_partial", "online_full", "by_post", "in_person":
		return "Tiếp nhận " + l
	case "early", "on_time", "late":
		return "Đã giải quyết " + l
	case "pending_in_time", "pending_overdue":
		return "Đang giải quyết " + l
	case "paid_online":
		return "Hồ sơ " + l
	case "online_services_used":
		return "Số DVC trực tuyến " + l
	}
	return l
}

// FieldName is the name of the field with the given key as messages use
// it ("Tiếp nhận trực tuyến một phần"), "" for an unknown key.
func FieldName(key string) string {
	for _, fd := range OneStopFields {
		if fd.Key == key {
			return fieldName(fd)
		}
	}
	return ""
}

// Add adds the counts of g to f (unit, period and note are kept): office
// totals are sums of counts, and their rates are computed again from the
// sums, never averaged.
func (f *OneStopFigures) Add(g *OneStopFigures) {
	for _, fd := range OneStopFields {
		*fd.get(f) += *fd.get(g)
	}
}

// Rate is a derived percentage. A rate whose denominator is zero has no
// value (OK false) and prints "—": it is neither 0 % nor 100 %.
type Rate struct {
	Value Percent
	OK    bool
}

// NoRate is what a rate without a value prints.
const NoRate = "—"

// String prints "98,00", or "—" when there is no value.
func (r Rate) String() string {
	if !r.OK {
		return NoRate
	}
	return r.Value.String()
}

// RateKind names one of the rates.
type RateKind string

// The rates of one-stop figures. Their formulas are in OneStopRates.
const (
	RateOnTime        RateKind = "on_time"
	RateEarly         RateKind = "early"
	RateLate          RateKind = "late"
	RateOnline        RateKind = "online"
	RateOnlinePartial RateKind = "online_partial"
	RateOnlineFull    RateKind = "online_full"
	RateServicesUsed  RateKind = "services_used"
	RatePayment       RateKind = "online_payment"
	RatePost          RateKind = "post_return"
	RateDigitised     RateKind = "digitised"
	RateSatisfied     RateKind = "satisfied"
)

// RateDef is a rate's definition: its names, its formula in words (printed
// in the README and under the report's tables) and the counts it divides.
type RateDef struct {
	Kind RateKind
	// Name is the full Vietnamese name: "Tỷ lệ hồ sơ giải quyết đúng hạn".
	Name string
	// Short is the column header: "Đúng hạn".
	Short string
	// Formula in words: "(trước hạn + đúng hạn) / đã giải quyết × 100 %".
	Formula string
	// LowerIsBetter marks the late rate: its target is a ceiling.
	LowerIsBetter bool
	num, den      func(*OneStopFigures) int64
}

// OneStopRates is the one place the rates are defined. Every rate is
// numerator / denominator × 100 %, rounded half-up to two decimals
// (PercentOf); a zero denominator gives no value.
var OneStopRates = []RateDef{
	{RateOnTime, "Tỷ lệ hồ sơ giải quyết đúng hạn", "Đúng hạn", "(trước hạn + đúng hạn) / đã giải quyết", false,
		func(f *OneStopFigures) int64 { return f.Early + f.OnTime }, func(f *OneStopFigures) int64 { return f.Resolved }},
	{RateEarly, "Tỷ lệ hồ sơ giải quyết trước hạn", "Trước hạn", "trước hạn / đã giải quyết", false,
		func(f *OneStopFigures) int64 { return f.Early }, func(f *OneStopFigures) int64 { return f.Resolved }},
	{RateLate, "Tỷ lệ hồ sơ giải quyết quá hạn", "Quá hạn", "quá hạn / đã giải quyết", true,
		func(f *OneStopFigures) int64 { return f.Late }, func(f *OneStopFigures) int64 { return f.Resolved }},
	{RateOnline, "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "Trực tuyến", "(trực tuyến một phần + toàn trình) / tiếp nhận mới", false,
		func(f *OneStopFigures) int64 { return f.OnlinePartial + f.OnlineFull }, func(f *OneStopFigures) int64 { return f.Received }},
	{RateOnlinePartial, "Tỷ lệ hồ sơ trực tuyến một phần", "TT một phần", "trực tuyến một phần / tiếp nhận mới", false,
		func(f *OneStopFigures) int64 { return f.OnlinePartial }, func(f *OneStopFigures) int64 { return f.Received }},
	{RateOnlineFull, "Tỷ lệ hồ sơ trực tuyến toàn trình", "TT toàn trình", "trực tuyến toàn trình / tiếp nhận mới", false,
		func(f *OneStopFigures) int64 { return f.OnlineFull }, func(f *OneStopFigures) int64 { return f.Received }},
	{RateServicesUsed, "Tỷ lệ DVC trực tuyến có phát sinh hồ sơ", "DVC có hồ sơ", "DVC trực tuyến có phát sinh hồ sơ / DVC trực tuyến cung cấp", false,
		func(f *OneStopFigures) int64 { return f.OnlineServicesUsed }, func(f *OneStopFigures) int64 { return f.OnlineServices }},
	{RatePayment, "Tỷ lệ hồ sơ thanh toán trực tuyến", "Thanh toán TT", "hồ sơ nộp phí trực tuyến / hồ sơ có phí, lệ phí", false,
		func(f *OneStopFigures) int64 { return f.PaidOnline }, func(f *OneStopFigures) int64 { return f.FeeDossiers }},
	{RatePost, "Tỷ lệ kết quả trả qua dịch vụ bưu chính công ích", "Trả qua BCCI", "kết quả trả qua BCCI / đã giải quyết", false,
		func(f *OneStopFigures) int64 { return f.PostReturned }, func(f *OneStopFigures) int64 { return f.Resolved }},
	{RateDigitised, "Tỷ lệ hồ sơ được số hóa", "Số hóa", "hồ sơ được số hóa / tiếp nhận mới", false,
		func(f *OneStopFigures) int64 { return f.Digitised }, func(f *OneStopFigures) int64 { return f.Received }},
	{RateSatisfied, "Tỷ lệ hài lòng", "Hài lòng", "(rất hài lòng + hài lòng) / số phiếu đánh giá", false,
		func(f *OneStopFigures) int64 { return f.VerySatisfied + f.Satisfied },
		func(f *OneStopFigures) int64 { return f.VerySatisfied + f.Satisfied + f.NotSatisfied }},
}

// RateDefOf returns the definition of a rate kind.
func RateDefOf(k RateKind) (RateDef, bool) {
	for _, d := range OneStopRates {
		if d.Kind == k {
			return d, true
		}
	}
	return RateDef{}, false
}

// Rate computes the rate of the figures.
func (d RateDef) Rate(f *OneStopFigures) Rate {
	v, ok := PercentOf(d.num(f), d.den(f))
	return Rate{Value: v, OK: ok}
}

// Fraction is the rate's numerator and denominator, for the report's
// explanations ("7.450 / 7.450").
func (d RateDef) Fraction(f *OneStopFigures) (num, den int64) { return d.num(f), d.den(f) }

// Rate computes one rate of the figures; an unknown kind has no value.
func (f *OneStopFigures) Rate(k RateKind) Rate {
	d, ok := RateDefOf(k)
	if !ok {
		return Rate{}
	}
	return d.Rate(f)
}

// OneStopTargets are a year's targets (chỉ tiêu) for the rates: the
// office's for every unit (Unit empty), or one unit's, which replace the
// office's rate by rate. A target is a floor, except for a rate that is
// LowerIsBetter (the late rate), where it is a ceiling.
type OneStopTargets struct {
	Year    int                  `json:"year"`
	Unit    string               `json:"unit,omitempty"`
	Targets map[RateKind]Percent `json:"targets"`
}

// Validate checks the year and that every target is a known rate between
// 0 and 100 %.
func (t *OneStopTargets) Validate() error {
	t.Unit = Clean(t.Unit)
	if t.Year < MinPeriodYear || t.Year > MaxPeriodYear {
		return errorf(EINVALID, "Năm của chỉ tiêu: %d không hợp lệ, phải từ %d đến %d", t.Year, MinPeriodYear, MaxPeriodYear)
	}
	for k, v := range t.Targets {
		d, ok := RateDefOf(k)
		if !ok {
			return errorf(EINVALID, "Chỉ tiêu %q không có trong danh mục tỷ lệ một cửa", k)
		}
		if v < 0 || v > 10000 {
			return errorf(EINVALID, "Chỉ tiêu %s: %s%% không hợp lệ, phải từ 0 đến 100%%", LowerFirst(d.Name), v)
		}
	}
	return nil
}

// ParsePercent reads a target as typed: "80", "97,5", "97.50"; at most two
// decimals, from 0 to 100.
func ParsePercent(s string) (Percent, error) {
	p, err := ParsePoints(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if err != nil {
		return 0, err
	}
	if p > 10000 {
		return 0, errorf(EINVALID, "%s%% vượt quá 100%%", Percent(p))
	}
	return Percent(p), nil
}

// EffectiveTargets merges the office's targets with a unit's own: the
// unit's replace the office's for the rates they set. Either may be nil.
func EffectiveTargets(office, unit *OneStopTargets) map[RateKind]Percent {
	out := map[RateKind]Percent{}
	for _, t := range []*OneStopTargets{office, unit} {
		if t == nil {
			continue
		}
		for k, v := range t.Targets {
			out[k] = v
		}
	}
	return out
}

// Status is how a rate stands against its target.
type Status int

// Statuses of a rate against its target.
const (
	NoTarget Status = iota // the year sets no target for this rate
	NoValue                // there is a target but the rate has no value (zero denominator)
	Met                    // đạt
	NotMet                 // chưa đạt
)

// Verdict is a rate judged against its target.
type Verdict struct {
	Def    RateDef
	Rate   Rate
	Target Percent
	Status Status
	// Gap is the margin to the target in percentage points: positive when
	// the target is beaten, negative when it is missed (for the late rate,
	// target − rate; for the others rate − target).
	Gap Percent
}

// Judge judges the rate k of f against targets.
func Judge(f *OneStopFigures, k RateKind, targets map[RateKind]Percent) Verdict {
	d, _ := RateDefOf(k)
	v := Verdict{Def: d, Rate: d.Rate(f)}
	t, has := targets[k]
	switch {
	case !has:
		v.Status = NoTarget
		return v
	case !v.Rate.OK:
		v.Target, v.Status = t, NoValue
		return v
	}
	v.Target = t
	v.Gap = v.Rate.Value - t
	if d.LowerIsBetter {
		v.Gap = -v.Gap
	}
	v.Status = Met
	if v.Gap < 0 {
		v.Status = NotMet
	}
	return v
}

// Mark prints the status: "Đạt", "Chưa đạt", "Chưa có số liệu" or "" when
// there is no target.
func (v Verdict) Mark() string {
	switch v.Status {
	case Met:
		return "Đạt"
	case NotMet:
		return "Chưa đạt"
	case NoValue:
		return "Chưa có số liệu"
	}
	return ""
}

// TargetString prints the target with its direction: "≥ 80,00" or, for the
// late rate, "≤ 2,00"; "—" without a target.
func (v Verdict) TargetString() string {
	if v.Status == NoTarget {
		return NoRate
	}
	if v.Def.LowerIsBetter {
		return "≤ " + v.Target.String()
	}
	return "≥ " + v.Target.String()
}

// GapString prints the gap with its sign: "+3,20", "−5,00" (a real minus
// sign), "0,00"; "—" when the rate cannot be judged.
func (v Verdict) GapString() string {
	if v.Status != Met && v.Status != NotMet {
		return NoRate
	}
	return v.Gap.Signed(true)
}

// OneStopRow is one unit's line in a period's summary.
type OneStopRow struct {
	Unit     Unit
	Figures  OneStopFigures
	Reported bool // false: the unit has no figures for the period
	Targets  map[RateKind]Percent
}

// Verdict judges one of the row's rates against the unit's targets.
func (r *OneStopRow) Verdict(k RateKind) Verdict { return Judge(&r.Figures, k, r.Targets) }

// Missed lists the rates of the row that miss their target, in the order
// of OneStopRates.
func (r *OneStopRow) Missed() []RateDef {
	var out []RateDef
	if !r.Reported {
		return nil
	}
	for _, d := range OneStopRates {
		if r.Verdict(d.Kind).Status == NotMet {
			out = append(out, d)
		}
	}
	return out
}

// OneStopSummary is a period's figures for a list of units with the
// office's totals.
type OneStopSummary struct {
	Period Period
	Rows   []OneStopRow
	// Total sums the counts of the reporting units; its rates are computed
	// from those sums.
	Total OneStopFigures
	// TotalTargets are the office's targets, which the totals are judged by.
	TotalTargets map[RateKind]Percent
	Reported     int
}

// SummariseOneStop builds a period's summary: one row per unit in the
// order given, with its figures (if any) and its effective targets, and the
// office totals from the sums of the counts.
func SummariseOneStop(p Period, units []Unit, figures map[string]OneStopFigures, office *OneStopTargets, perUnit map[string]OneStopTargets) OneStopSummary {
	s := OneStopSummary{Period: p, Total: OneStopFigures{Period: p}, TotalTargets: EffectiveTargets(office, nil)}
	for _, u := range units {
		r := OneStopRow{Unit: u}
		var own *OneStopTargets
		if t, ok := perUnit[u.Code]; ok {
			own = &t
		}
		r.Targets = EffectiveTargets(office, own)
		if f, ok := figures[u.Code]; ok {
			r.Figures, r.Reported = f, true
			s.Total.Add(&f)
			s.Reported++
		} else {
			r.Figures = OneStopFigures{Unit: u.Code, Period: p}
		}
		s.Rows = append(s.Rows, r)
	}
	return s
}
