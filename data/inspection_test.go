package data

import (
	"strings"
	"testing"
	"time"
)

func editorTemplate() Template {
	return Template{ID: "T", Title: "Phiếu kiểm tra", Sections: []ChecklistSection{
		{Code: "I", Title: "Công khai", Items: []ChecklistItem{{Code: "1.1", Question: "A"}, {Code: "1.2", Question: "B"}}},
		{Code: "II", Title: "Giải quyết hồ sơ", Items: []ChecklistItem{{Code: "2.1", Question: "C", Kind: AnswerNumber, Unit: "%", Max: P(100, 0)}}},
	}}
}

func codes(t *Template) string {
	var out []string
	for _, s := range t.Sections {
		var items []string
		for _, it := range s.Items {
			items = append(items, it.Code)
		}
		out = append(out, s.Code+":"+strings.Join(items, ","))
	}
	return strings.Join(out, " ")
}

// Moving an item past the end of its section carries it into the next
// section, and back; a section moves with its items; the editor refuses
// moves off either end.
func TestTemplateEditorMoves(t *testing.T) {
	tpl := editorTemplate()
	si, ii, ok := tpl.MoveItem(0, 0, 1)
	if !ok || si != 0 || ii != 1 || codes(&tpl) != "I:1.2,1.1 II:2.1" {
		t.Fatalf("1.1 down: %d,%d %v → %s", si, ii, ok, codes(&tpl))
	}
	si, ii, ok = tpl.MoveItem(si, ii, 1)
	if !ok || si != 1 || ii != 0 || codes(&tpl) != "I:1.2 II:1.1,2.1" {
		t.Fatalf("1.1 down into II: %d,%d %v → %s", si, ii, ok, codes(&tpl))
	}
	si, ii, ok = tpl.MoveItem(si, ii, -1)
	if !ok || si != 0 || ii != 1 || codes(&tpl) != "I:1.2,1.1 II:2.1" {
		t.Fatalf("1.1 back up into I: %d,%d %v → %s", si, ii, ok, codes(&tpl))
	}
	if _, _, ok := tpl.MoveItem(0, 0, -1); ok {
		t.Error("the first item moved up")
	}
	if _, _, ok := tpl.MoveItem(1, 0, 1); ok {
		t.Error("the last item moved down")
	}
	if j, ok := tpl.MoveSection(1, -1); !ok || j != 0 || codes(&tpl) != "II:2.1 I:1.2,1.1" {
		t.Errorf("section II up: %d %v → %s", j, ok, codes(&tpl))
	}
	if tpl.NextItemCode(1) != "2.3" || tpl.NextSectionCode() != "III" {
		t.Errorf("next codes %s, %s", tpl.NextItemCode(1), tpl.NextSectionCode())
	}
	if !tpl.DeleteItem(1, 0) || !tpl.DeleteSection(0) || codes(&tpl) != "I:1.1" {
		t.Errorf("after deletes: %s", codes(&tpl))
	}
	if err := tpl.Validate(); err != nil {
		t.Errorf("one item left: %v", err)
	}
	tpl.DeleteItem(0, 0)
	if err := tpl.Validate(); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "ít nhất 1 câu hỏi") {
		t.Errorf("no item left: %v", err)
	}
}

// Each refusal names the field and what it allows.
func TestTemplateRefusalsNameFieldAndRange(t *testing.T) {
	for _, c := range []struct {
		edit func(*Template)
		says []string
	}{
		{func(t *Template) { t.ID = "MỘT MẪU" }, []string{"Mã mẫu phiếu", "tối đa 20 ký tự"}},
		{func(t *Template) { t.Sections[1].Items[0].Max = -P(1, 0) }, []string{"Giá trị tối đa của câu hỏi 2.1", "từ 0 đến 999.999.999", "0 là không giới hạn"}},
		{func(t *Template) { t.Sections[1].Items[0].Max = MaxFigure + 1 }, []string{"2.1", "từ 0 đến 999.999.999"}},
		{func(t *Template) { t.Sections[0].Items[0].Unit = "%" }, []string{"Câu hỏi 1.1", "không có đơn vị tính"}},
		{func(t *Template) { t.Sections[0].Items[1].Code = "2.1" }, []string{"Mã câu hỏi 2.1 bị trùng"}},
		{func(t *Template) { t.Sections[1].Code = "I" }, []string{"Số thứ tự phần I bị trùng"}},
		{func(t *Template) { t.Sections[0].Items[0].Code = "1.1.1.1.1.1" }, []string{"Mã câu hỏi", "tối đa 10 ký tự"}},
		{func(t *Template) { t.Sections[0].Items[0].Kind = "list" }, []string{"Cách trả lời câu hỏi 1.1", "đạt/không đạt/không áp dụng hoặc số liệu"}},
	} {
		tpl := editorTemplate()
		c.edit(&tpl)
		err := tpl.Validate()
		if ErrorCode(err) != EINVALID {
			t.Errorf("%v: want a refusal", err)
			continue
		}
		for _, s := range c.says {
			if !strings.Contains(ErrorMessage(err), s) {
				t.Errorf("refusal %q does not say %q", ErrorMessage(err), s)
			}
		}
	}
}

func TestInspectionPlanValidate(t *testing.T) {
	p := InspectionPlan{Year: 2024, Number: " 15 ", Title: PlanTitle(2024), Date: time.Date(2023, 12, 28, 0, 0, 0, 0, time.Local)}
	if err := p.Validate(); err != nil || p.Number != "15" {
		t.Fatalf("plan dated 28/12/2023: %v, number %q", err, p.Number)
	}
	for _, c := range []struct {
		edit func(*InspectionPlan)
		says string
	}{
		{func(p *InspectionPlan) { p.Number = "15/KH-SNV" }, "chỉ nhập số (ví dụ 15)"},
		{func(p *InspectionPlan) { p.Title = " " }, "Tên (trích yếu) kế hoạch kiểm tra năm 2024: chưa nhập"},
		{func(p *InspectionPlan) { p.Date = time.Date(2025, 1, 2, 0, 0, 0, 0, time.Local) }, "phải từ 01/01/2023 đến 31/12/2024, đang là 02/01/2025"},
		{func(p *InspectionPlan) { p.Year = 1999 }, "phải từ 2000 đến 2100"},
	} {
		q := p
		c.edit(&q)
		if err := q.Validate(); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), c.says) {
			t.Errorf("want a refusal saying %q, got %v", c.says, err)
		}
	}
}
