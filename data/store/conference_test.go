package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

func demoData(t *testing.T) *store.Store {
	t.Helper()
	s := open(t, dataPath(t))
	s.SetOfficer("Nông Thị Hà")
	if err := demo.Write(s); err != nil {
		t.Fatal(err)
	}
	return s
}

// draftOf drafts (or reads back) the conference report of a year.
func draftOf(t *testing.T, s *store.Store, year int, unit string, today time.Time) (data.ConferenceDraft, bool) {
	t.Helper()
	var d data.ConferenceDraft
	var edited bool
	view(t, s, func(tx *store.Tx) error {
		facts, err := tx.ConferenceFacts(year, "", unit, today)
		if err != nil {
			return err
		}
		d, edited, err = tx.ConferenceDraft(facts)
		return err
	})
	return d, edited
}

func plain(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// Seed 001: Nguyên Bình's 2022 result as its district read it out.
func TestConferenceDraftNguyenBinh2022(t *testing.T) {
	s := demoData(t)
	d, edited := draftOf(t, s, 2022, demo.ExampleAUnit, date(2023, 6, 9))
	if edited || d.Unit != demo.ExampleAUnit || d.Group != "" {
		t.Fatalf("draft scope %q/%q edited %v", d.Group, d.Unit, edited)
	}
	text := plain(d.Text())
	for _, want := range []string{
		"Chỉ số cải cách hành chính (PAR INDEX) của huyện Nguyên Bình đạt 81,40 %, xếp loại Khá, xếp hạng thứ 8/10 huyện, thành phố",
		"Công tác chỉ đạo, điều hành xếp loại Tốt, đạt 15/16 điểm",
		"Cải cách thể chế xếp loại Tốt, đạt 12/13 điểm",
		"Cải cách thủ tục hành chính xếp loại Khá, đạt 20/25 điểm",
		"Cải cách tổ chức bộ máy xếp loại Trung bình, đạt 5/8 điểm",
		"Cải cách chế độ công vụ xếp loại Khá, đạt 15/17 điểm",
		"Cải cách tài chính công xếp loại Khá, đạt 4,9/7 điểm",
		"Xây dựng chính quyền điện tử, chính quyền số xếp loại Khá, đạt 9,5/14 điểm",
		"Nếu khắc phục tiêu chí 4.2 và 1.3 (2,75 điểm), Chỉ số đạt 84,15 %, xếp thứ 5/10",
		"Tiêu chí 3.3 «Giải quyết hồ sơ thủ tục hành chính đúng hạn»: đạt 5,5/8 điểm, bị trừ 2,5 điểm",
		// Example E: the targets for 2023 become next year's task.
		"Phấn đấu đến cuối năm 2023: tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ít nhất 50 %; tỷ lệ DVC trực tuyến có phát sinh hồ sơ đạt ít nhất 80 %; tỷ lệ kết quả trả qua dịch vụ bưu chính công ích đạt ít nhất 50 %",
		"tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,15 % (chỉ tiêu ≥ 95,00 %, đạt)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q", want)
		}
	}
	// No rank change in a year after none was ranked.
	if strings.Contains(text, "bậc") {
		t.Errorf("2022 has no 2021 to compare with, yet the draft speaks of a rank change")
	}
	first, last := d.Sections[0], d.Sections[len(d.Sections)-1]
	if !strings.HasPrefix(first.Text, "Căn cứ ") || !strings.Contains(first.Text, "\nThực hiện ") {
		t.Errorf("opening = %q", first.Text)
	}
	if last.Key != data.SecClosing || !strings.HasPrefix(last.Text, "Trên đây là ") || !strings.HasSuffix(last.Text, "UBND huyện Nguyên Bình./.") {
		t.Errorf("closing = %q", last.Text)
	}
	for _, sec := range d.Sections {
		if sec.Edited() {
			t.Errorf("fresh section %s marked edited", sec.Key)
		}
	}
}

// Example B's move, as the office reports it for 2023, with the remedies
// of the 2022 conference and next year's tasks.
func TestConferenceDraftOffice2023(t *testing.T) {
	s := demoData(t)
	update(t, s, func(tx *store.Tx) error {
		for _, task := range []data.Task{
			{Title: "Khắc phục tiêu chí 4.3", Year: 2023, PlanKind: data.PlanConference, Due: date(2023, 6, 30), Done: true, DoneDate: date(2023, 6, 20)},
			{Title: "Kiện toàn Bộ phận một cửa", Year: 2023, PlanKind: data.PlanConference, Due: date(2023, 9, 30), Progress: 40, Unit: "BLA"},
		} {
			if err := tx.PutTask(&task); err != nil {
				return err
			}
		}
		return nil
	})
	d, _ := draftOf(t, s, 2023, "", date(2024, 1, 15))
	if d.Group != demo.GroupID {
		t.Fatalf("group %q", d.Group)
	}
	text := plain(d.Text())
	for _, want := range []string{
		"huyện Hòa An tăng 4 bậc (từ thứ 7 lên thứ 3)",
		"Chỉ số bình quân đạt 86,11 %, tăng 1,97 điểm phần trăm so với năm 2022 (84,14 %)",
		"Cao nhất là thành phố Cao Bằng (92,40 %), thấp nhất là huyện Hà Quảng (79,40 %)",
		"3 đơn vị loại Tốt, 7 đơn vị loại Khá",
		"Lĩnh vực đạt cao nhất là Cải cách thủ tục hành chính (91,48 %); lĩnh vực đạt thấp nhất là Cải cách thể chế (78,54 %)",
		"Tiêu chí 2.1 «Xây dựng, ban hành văn bản quy phạm pháp luật» (tối đa 4 điểm): 8/10 đơn vị bị trừ, tổng cộng 8,5 điểm",
		"Hội nghị tổng kết năm 2022 đề ra 2 nhiệm vụ khắc phục; đến ngày 15/01/2024: hoàn thành 1, quá hạn 1",
		"Kiện toàn Bộ phận một cửa (hạn 30/09/2023, đạt 40 %)",
		"tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 42,37 % (chỉ tiêu ≥ 50,00 %, chưa đạt)",
		"Xây dựng kế hoạch giảm hồ sơ trễ hẹn tại Bộ phận một cửa huyện (huyện Nguyên Bình chủ trì; hạn 31/03/2024)",
		"Trên đây là báo cáo kết quả Chỉ số cải cách hành chính năm 2023 của các huyện, thành phố và nhiệm vụ trọng tâm năm 2024 của Sở Nội vụ./.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q", want)
		}
	}
	if d.Section(data.SecInspection) != nil {
		t.Error("2023 has no inspection visit, yet the draft has a section on them")
	}
	// Sub-sections of part I are numbered in order.
	var heads []string
	for _, sec := range d.Sections {
		heads = append(heads, sec.Heading)
	}
	if got := strings.Join(heads, "|"); !strings.Contains(got, "|1. Kết quả chung|2. Kết quả theo lĩnh vực|3. Các tiêu chí bị trừ điểm nhiều|4. Thay đổi thứ hạng|5. Kết quả giải quyết thủ tục hành chính|6. Thực hiện nhiệm vụ khắc phục sau Hội nghị tổng kết năm 2022|II. ") {
		t.Errorf("headings = %s", got)
	}
}

// An edited copy is kept per year and group or unit, prints instead of a
// fresh draft, and every change is audited; "Soạn lại từ số liệu" discards
// it.
func TestConferenceDraftEditsKeptAuditedAndRedrafted(t *testing.T) {
	s := demoData(t)
	today := date(2023, 6, 9)
	d, _ := draftOf(t, s, 2022, "", today)
	drafted := d.Section(data.SecOverall).Text
	d.Section(data.SecOverall).Text = "Năm 2022, các huyện, thành phố đạt kết quả khá."
	update(t, s, func(tx *store.Tx) error { return tx.PutConferenceDraft(&d) })

	got, edited := draftOf(t, s, 2022, "", today)
	if !edited || got.Section(data.SecOverall).Text != "Năm 2022, các huyện, thành phố đạt kết quả khá." || !got.Section(data.SecOverall).Edited() {
		t.Fatalf("edited copy not kept: edited %v, %q", edited, got.Section(data.SecOverall).Text)
	}
	if got.Section(data.SecAreas).Edited() {
		t.Error("a section not touched is marked edited")
	}
	// The unit's report and another year are not affected.
	if _, edited := draftOf(t, s, 2022, demo.ExampleAUnit, today); edited {
		t.Error("the unit's report reads the office's edits")
	}
	if _, edited := draftOf(t, s, 2023, "", today); edited {
		t.Error("2023 reads 2022's edits")
	}

	got.Section(data.SecOverall).Text = "Năm 2022, kết quả tốt hơn."
	update(t, s, func(tx *store.Tx) error { return tx.PutConferenceDraft(&got) })
	var entries []data.AuditEntry
	view(t, s, func(tx *store.Tx) (err error) {
		entries, err = tx.Audit(data.AuditFilter{Kind: data.AuditConference, Year: 2022})
		return err
	})
	if len(entries) != 2 {
		t.Fatalf("%d audit entries, want one per save: %+v", len(entries), entries)
	}
	second, first := entries[0], entries[1] // newest first
	if first.Old != drafted || first.New != "Năm 2022, các huyện, thành phố đạt kết quả khá." || first.Officer != "Nông Thị Hà" ||
		!strings.Contains(first.Item, "1. Kết quả chung") {
		t.Errorf("first save audited as %+v", first)
	}
	if second.Old != first.New || second.New != "Năm 2022, kết quả tốt hơn." {
		t.Errorf("second save audited as %+v", second)
	}

	// A bad copy is refused and the saved one stays.
	bad := got
	bad.Sections = append(append([]data.DraftSection(nil), got.Sections...), data.DraftSection{Key: data.SecOverall, Text: "trùng"})
	if err := s.Update(func(tx *store.Tx) error { return tx.PutConferenceDraft(&bad) }); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("duplicate section key: %v", err)
	}
	if d, _ := draftOf(t, s, 2022, "", today); d.Section(data.SecOverall).Text != "Năm 2022, kết quả tốt hơn." {
		t.Errorf("refused save changed the copy: %q", d.Section(data.SecOverall).Text)
	}

	update(t, s, func(tx *store.Tx) error { return tx.RedraftConference(2022, demo.GroupID, "") })
	fresh, edited := draftOf(t, s, 2022, "", today)
	if edited || fresh.Section(data.SecOverall).Text != drafted {
		t.Errorf("after redraft: edited %v, %q", edited, fresh.Section(data.SecOverall).Text)
	}
	view(t, s, func(tx *store.Tx) (err error) {
		entries, err = tx.Audit(data.AuditFilter{Kind: data.AuditConference, Year: 2022})
		return err
	})
	if len(entries) != 3 || !strings.Contains(entries[0].Item, "Soạn lại từ số liệu") || !strings.Contains(entries[0].Old, "kết quả tốt hơn") {
		t.Errorf("redraft audited as %+v", entries[0])
	}
	// Redrafting with nothing saved does nothing.
	update(t, s, func(tx *store.Tx) error { return tx.RedraftConference(2022, demo.GroupID, "") })

	// A unit's copy needs the unit to exist.
	u, _ := draftOf(t, s, 2022, demo.ExampleAUnit, today)
	u.Unit = "KHONGCO"
	if err := s.Update(func(tx *store.Tx) error { return tx.PutConferenceDraft(&u) }); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("unknown unit: %v", err)
	}
}

func TestConferenceFactsRefusals(t *testing.T) {
	s := demoData(t)
	today := time.Now()
	if err := s.View(func(tx *store.Tx) error { _, err := tx.ConferenceFacts(2022, "KHONGCO", "", today); return err }); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("unknown group: %v", err)
	}
	if err := s.View(func(tx *store.Tx) error { _, err := tx.ConferenceFacts(2030, "", "", today); return err }); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("year without framework: %v", err)
	}
}
