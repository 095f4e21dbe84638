package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data/store"
)

// shownDisabledEntries lists the entries shown greyed out under o.
func shownDisabledEntries(o fyne.CanvasObject) []string {
	var out []string
	walkShown(o, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && e.Disabled() {
			out = append(out, e.Text)
		}
		return true
	})
	return out
}

// A finished visit's values read as text in the normal colour, not as
// greyed-out entries.
func TestFinishedVisitReadsAsText(t *testing.T) {
	ui, _ := newTestUI(t)
	ui.Show(SectionInspections)
	v := ui.inspections
	id := ""
	for _, x := range v.list {
		if x.Finished && len(x.Team) > 0 {
			id = x.ID
			break
		}
	}
	if id == "" {
		t.Fatal("no finished demo visit with a team")
	}
	v.openVisit(id)
	f := v.form
	if got := shownDisabledEntries(f.content); len(got) > 0 {
		t.Errorf("greyed-out entries shown: %q", got)
	}
	if f.team.Visible() {
		t.Error("the team's entry is shown")
	}
	texts := textsIn(f.content)
	found := false
	for _, s := range texts {
		if s == f.team.Text && s != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("team %q not shown as text: %q", f.team.Text, texts)
	}
	for _, fl := range f.fields {
		if fl.label.Visible() && fl.label.Importance != widget.MediumImportance {
			t.Errorf("value %q not in the normal colour", fl.label.Text)
		}
	}
}

// A locked year's framework form shows its values as text; unlocked, the
// entries come back.
func TestLockedFrameworkReadsAsText(t *testing.T) {
	ui, v := openFramework(t, "2023")
	if err := ui.store.Update(func(tx *store.Tx) error { return tx.LockYear(2023) }); err != nil {
		t.Fatal(err)
	}
	ui.publish(Change{Kind: FrameworkChanged, Year: 2023})
	if got := shownDisabledEntries(v.form); len(got) > 0 {
		t.Errorf("greyed-out entries shown: %q", got)
	}
	if v.title.Visible() || !v.fields[1].label.Visible() || v.fields[1].label.Text != v.title.Text || v.title.Text == "" {
		t.Errorf("locked title not shown as text: entry shown %v, label %q", v.title.Visible(), v.fields[1].label.Text)
	}
	v.year.SetSelected("2022")
	if !v.title.Visible() || v.fields[1].label.Visible() {
		t.Error("an open year's framework is not editable")
	}
}
