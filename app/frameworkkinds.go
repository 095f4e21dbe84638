package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// kindFields are the framework form's fields for how a leaf criterion is
// answered: its input kind, whether it may not apply to a unit, and the
// tiers of a tỷ lệ criterion, written "100%=8; 90%=6,5; 80%=5" and shown
// back as one row per tier.
type kindFields struct {
	input    *widget.Select
	mayNA    *widget.Check
	tiers    *widget.Entry
	tierRows *widget.Label // the tiers as read, or why they are not
	box      fyne.CanvasObject
}

func newKindFields(onChange func()) *kindFields {
	k := &kindFields{}
	labels := make([]string, len(data.InputKinds))
	for i, in := range data.InputKinds {
		labels[i] = in.Label()
	}
	k.input = newSelect(labels, func(string) { k.showTiers(); onChange() })
	k.mayNA = widget.NewCheck("Có thể không áp dụng (KAD) cho đơn vị", nil)
	k.tiers = widget.NewEntry()
	k.tiers.SetPlaceHolder("Bậc điểm, như 100%=8; 90%=6,5; 80%=5; 0%=0")
	k.tiers.OnChanged = func(string) { k.showTiers() }
	k.tierRows = widget.NewLabel("")
	k.tierRows.Wrapping = fyne.TextWrapWord
	k.box = container.NewVBox(k.tiers, k.tierRows)
	return k
}

// kind is the selected input kind.
func (k *kindFields) kind() data.InputKind {
	if i := k.input.SelectedIndex(); i >= 0 {
		return data.InputKinds[i]
	}
	return data.InputPoints
}

// show fills the fields with a criterion; only a leaf is answered, so
// only a leaf's fields take typing.
func (k *kindFields) show(c *data.Criterion, editable bool) {
	k.input.SetSelected(c.Input.Label())
	k.mayNA.SetChecked(c.MayNotApply)
	k.tiers.SetText(data.FormatTiers(c.Tiers))
	for _, w := range []fyne.Disableable{k.input, k.mayNA, k.tiers} {
		if editable && c.IsLeaf() {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	k.showTiers()
}

// showTiers lists the typed tiers one per row ("từ 90 % → 6,5 điểm"), or
// says why they cannot be read; tiers belong to tỷ lệ criteria only.
func (k *kindFields) showTiers() {
	if k.kind() != data.InputRatio {
		k.tiers.Hide()
		k.tierRows.SetText("")
		k.tierRows.Hide()
		k.box.Hide()
		return
	}
	k.box.Show()
	k.tiers.Show()
	k.tierRows.Show()
	ts, err := data.ParseTiers(k.tiers.Text)
	switch {
	case err != nil:
		k.tierRows.SetText("Bậc điểm: " + data.ErrorMessage(err))
		return
	case len(ts) == 0:
		k.tierRows.SetText("Ghi các bậc «tỷ lệ%=điểm», cách nhau bởi dấu chấm phẩy; dưới bậc thấp nhất là 0 điểm.")
		return
	}
	rows := make([]string, len(ts))
	for i, t := range ts {
		rows[i] = fmt.Sprintf("Từ %s %% → %s điểm", data.Points(t.Min).Short(), t.Points.Short())
	}
	k.tierRows.SetText(strings.Join(rows, "\n"))
}

// apply puts the fields on a leaf criterion; the tiers' refusal names the
// criterion and the form they take.
func (k *kindFields) apply(c *data.Criterion) error {
	if !c.IsLeaf() {
		return nil
	}
	c.Input, c.MayNotApply, c.Tiers = k.kind(), k.mayNA.Checked, nil
	if c.Input != data.InputRatio {
		return nil
	}
	ts, err := data.ParseTiers(k.tiers.Text)
	if err != nil {
		return data.Errorf(data.EINVALID, "Bậc điểm của tiêu chí %s: %s; ghi như «100%%=%s; 80%%=%s; 0%%=0»", c.Code, data.ErrorMessage(err), c.Max.Short(), (c.Max / 2).Short())
	}
	c.Tiers = ts
	return nil
}

// changed reports whether the fields differ from the criterion.
func (k *kindFields) changed(c *data.Criterion) bool {
	if !c.IsLeaf() {
		return false
	}
	if k.kind() != c.Input || k.mayNA.Checked != c.MayNotApply {
		return true
	}
	return c.Input == data.InputRatio && strings.TrimSpace(k.tiers.Text) != data.FormatTiers(c.Tiers)
}

// text is the fields' value as a locked year shows it.
func (k *kindFields) text() string {
	s := k.kind().Label()
	if k.kind() == data.InputRatio {
		s += ": " + k.tiers.Text
	}
	if k.mayNA.Checked {
		s += "; có thể không áp dụng"
	}
	return s
}
