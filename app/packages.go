package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/pack"
	"github.com/pardesk/pardesk/data/progress"
	"github.com/pardesk/pardesk/data/store"
)

// packageCard is the «Gói trao đổi» area of the Dữ liệu section: make a
// signed package for a unit, an officer or the units (the year is the
// section's), and import one, after seeing what it changes per unit and
// criterion and choosing each conflict.
type packageCard struct {
	v        *dataFileView
	card     *widget.Card
	kind     *widget.Select
	units    *widget.Entry
	deadline *widget.Entry
	assignee *widget.Entry
	// received lists the packages imported for the year: who sent them,
	// with which key, and the deadline a framework package set.
	received *widget.Label
}

// Conflict choices, as the plan dialog offers them.
const (
	keepOffice = "Giữ của văn phòng"
	takePack   = "Lấy từ gói"
)

func newPackageCard(v *dataFileView) *packageCard {
	c := &packageCard{v: v}
	var labels []string
	for _, k := range ops.PackageKinds {
		labels = append(labels, k.Kind.Label())
	}
	c.units = widget.NewEntry()
	c.units.SetPlaceHolder("NBI, HAN")
	c.deadline = widget.NewEntry()
	c.deadline.SetPlaceHolder("15/01/2025")
	c.assignee = widget.NewEntry()
	c.assignee.SetPlaceHolder("Họ tên cán bộ thẩm định")
	c.kind = widget.NewSelect(labels, func(string) { c.fit() })
	c.kind.SetSelectedIndex(0)
	// The field is narrow at 1024 px: what an empty field means goes
	// under it, not in the placeholder.
	unitsItem := widget.NewFormItem("Đơn vị", c.units)
	unitsItem.HintText = "Bỏ trống: mọi đơn vị đang đánh giá"
	form := widget.NewForm(
		widget.NewFormItem("Loại gói", c.kind),
		unitsItem,
		widget.NewFormItem("Hạn nộp", c.deadline),
		widget.NewFormItem("Giao cán bộ", c.assignee),
	)
	makeButton := widget.NewButtonWithIcon("Tạo gói…", theme.DocumentSaveIcon(), c.export)
	open := widget.NewButtonWithIcon("Nhập gói…", theme.UploadIcon(), c.chooseImport)
	note := widget.NewLabel("Gói có chữ ký của máy này; nơi nhận đối chiếu dấu nhận dạng khóa một lần rồi tin cậy. Gói bị sửa, thiếu tệp hay không đúng người gửi đều bị từ chối. Khi nhập: xem trước từng tiêu chí thay đổi, chọn xử lý từng xung đột; sao lưu trước, ghi trong một lần.")
	note.Wrapping = fyne.TextWrapWord
	c.received = widget.NewLabel("")
	c.received.Wrapping = fyne.TextWrapWord
	senders := widget.NewButtonWithIcon("Người gửi tin cậy…", theme.AccountIcon(), c.showTrusted)
	c.card = widget.NewCard("Gói trao đổi", "Bộ chỉ số, tự đánh giá, phân công thẩm định, kết quả công bố",
		container.NewVBox(form, flow(makeButton, open, senders), note, c.received))
	c.fit()
	v.ui.watch(c, c.reload)
	c.reload()
	return c
}

// reload lists the packages received for the section's year.
func (c *packageCard) reload() {
	year := selectedYear(c.v.year)
	var list []data.ReceivedPackage
	err := c.v.ui.store.View(func(tx *store.Tx) (err error) { list, err = tx.Received(year); return err })
	if err != nil {
		c.received.SetText(data.ErrorMessage(err))
		return
	}
	if len(list) == 0 {
		c.received.SetText(fmt.Sprintf("Chưa nhận gói nào cho năm %d.", year))
		return
	}
	lines := []string{fmt.Sprintf("Gói đã nhận cho năm %d:", year)}
	for i, r := range list {
		if i == 5 {
			lines = append(lines, fmt.Sprintf("… và %d gói khác", len(list)-5))
			break
		}
		line := fmt.Sprintf("• %s · %s · %s", data.FormatDate(r.Received), pack.Kind(r.Kind).Name(), r.Sender)
		if r.Officer != "" {
			line += " (" + r.Officer + ")"
		}
		line += " · khóa " + r.Fingerprint + " · đơn vị " + strings.Join(r.Units, ", ")
		if r.Deadline != "" {
			line += " · hạn nộp tự đánh giá " + r.Deadline
		}
		lines = append(lines, line)
	}
	c.received.SetText(strings.Join(lines, "\n"))
}

// showTrusted lists the senders this data file trusts, with their keys'
// fingerprints, and forgets one after asking why (a PC reinstalled with a
// new key, confirmed with the sender).
func (c *packageCard) showTrusted() {
	var list []data.TrustedSender
	if err := c.v.ui.store.View(func(tx *store.Tx) (err error) { list, err = tx.TrustedSenders(); return err }); err != nil {
		c.v.ui.showError(err)
		return
	}
	if len(list) == 0 {
		dialog.ShowInformation("Người gửi tin cậy", "Tệp dữ liệu chưa tin cậy người gửi nào: gói đầu tiên của mỗi người gửi sẽ hỏi trước khi nhập.", c.v.ui.win)
		return
	}
	var names []string
	for _, t := range list {
		names = append(names, fmt.Sprintf("%s — khóa %s, từ %s (%s)", t.Name, t.Fingerprint, data.FormatDate(t.Since), t.Officer))
	}
	pick := widget.NewSelect(names, nil)
	reason := newFormEntry()
	reason.SetPlaceHolder("Đã gọi điện xác nhận đơn vị cài lại máy, khóa mới …")
	items := []*widget.FormItem{widget.NewFormItem("Người gửi", pick), widget.NewFormItem("Lý do bỏ tin cậy", reason)}
	d := dialog.NewForm("Bỏ tin cậy người gửi", "Bỏ tin cậy", "Đóng", items, func(ok bool) {
		if !ok || pick.SelectedIndex() < 0 {
			return
		}
		name := list[pick.SelectedIndex()].Name
		err := c.v.ui.store.Update(func(tx *store.Tx) error { return tx.ForgetSender(name, reason.Text) })
		if err != nil {
			c.v.ui.showError(err)
			return
		}
		c.v.status.SetText(fmt.Sprintf("Đã bỏ tin cậy %s: gói tiếp theo của người gửi này sẽ được hỏi lại.", name))
	}, c.v.ui.win)
	showForm(d, items, c.v.ui.win)
}

func (c *packageCard) selected() pack.Kind {
	return ops.PackageKinds[max(c.kind.SelectedIndex(), 0)].Kind
}

// fit enables the fields the chosen kind uses.
func (c *packageCard) fit() {
	if c.deadline == nil {
		return
	}
	k := c.selected()
	enable(c.deadline, k == pack.KindFramework)
	enable(c.assignee, k == pack.KindShare)
}

// request is what the card asks for: the chosen kind for the section's
// year, the units typed, the deadline or the officer assigned.
func (c *packageCard) request() ops.PackageExport {
	k := c.selected()
	o := ops.PackageExport{Kind: k, Year: selectedYear(c.v.year), Assignee: c.assignee.Text, Created: today()}
	if k == pack.KindFramework {
		o.Deadline = strings.TrimSpace(c.deadline.Text)
	}
	for _, u := range strings.Split(c.units.Text, ",") {
		if u = strings.TrimSpace(u); u != "" {
			o.Units = append(o.Units, u)
		}
	}
	return o
}

func (c *packageCard) key() (*pack.Key, error) {
	if data.Clean(c.v.ui.store.Officer()) == "" {
		return nil, data.Errorf(data.EINVALID, "Họ tên cán bộ: chưa nhập (góc trên cửa sổ). Gói ghi người lập gói.")
	}
	return pack.LoadKey(pack.DefaultKeyDir())
}

// build makes the package of the chosen kind for the section's year.
func (c *packageCard) build() ([]byte, pack.Manifest, error) {
	var buf bytes.Buffer
	var m pack.Manifest
	key, err := c.key()
	if err != nil {
		return nil, m, err
	}
	err = c.v.ui.store.View(func(tx *store.Tx) (err error) {
		m, err = ops.ExportPackage(tx, c.v.ui.store.Evidence(), &buf, key, c.request())
		return err
	})
	return buf.Bytes(), m, err
}

// export makes what the officer asked for. What an office sends its
// units, for several units, is one package per unit in a folder chosen;
// otherwise the package is built first (a refusal shows at once, no file
// is left), then saved where the officer says. Either way the status says
// the fingerprint to give the receiver.
func (c *packageCard) export() {
	o := c.request()
	var codes []string
	err := c.v.ui.store.View(func(tx *store.Tx) (err error) { codes, err = ops.PackageUnits(tx, o); return err })
	if err != nil {
		c.v.ui.showError(err)
		return
	}
	if ops.PerUnit(o.Kind) && len(codes) > 1 {
		c.exportPerUnit(o, len(codes))
		return
	}
	b, m, err := c.build()
	if err != nil {
		c.v.ui.showError(err)
		return
	}
	c.v.ui.saveFile(ops.PackageFileName(m.Kind, m.Year, m.Units), b, func(path string) {
		c.v.status.SetText(exportedText(path, m, c.fingerprint()))
	})
}

// exportPerUnit asks for a folder and writes each unit's package into it.
func (c *packageCard) exportPerUnit(o ops.PackageExport, n int) {
	key, err := c.key()
	if err != nil {
		c.v.ui.showError(err)
		return
	}
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			c.v.ui.showError(err)
			return
		}
		if dir == nil {
			return
		}
		c.writePerUnit(dir.Path(), key, o)
	}, c.v.ui.win)
	d.SetConfirmText(fmt.Sprintf("Lưu %d gói vào đây", n))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (c *packageCard) writePerUnit(dir string, key *pack.Key, o ops.PackageExport) {
	c.v.background("Đang tạo gói…", func() (func(), error) {
		var paths []string
		err := c.v.ui.store.View(func(tx *store.Tx) (err error) {
			paths, err = ops.ExportPerUnit(tx, c.v.ui.store.Evidence(), dir, key, o)
			return err
		})
		return func() {
			c.v.status.SetText(fmt.Sprintf("Đã tạo %d %s năm %d, mỗi đơn vị một gói, trong thư mục %s. Dấu nhận dạng khóa của máy này: %s — báo cho nơi nhận để họ đối chiếu.",
				len(paths), data.LowerFirst(o.Kind.Label()), o.Year, dir, key.Fingerprint()))
		}, err
	})
}

func (c *packageCard) fingerprint() string {
	k, err := pack.LoadKey(pack.DefaultKeyDir())
	if err != nil {
		return ""
	}
	return k.Fingerprint()
}

func exportedText(path string, m pack.Manifest, fp string) string {
	return fmt.Sprintf("Đã lưu %s: %s (năm %d, đơn vị %s). Dấu nhận dạng khóa của máy này: %s — báo cho nơi nhận để họ đối chiếu.",
		data.LowerFirst(m.Kind.Label()), path, m.Year, strings.Join(m.Units, ", "), fp)
}

func (c *packageCard) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			c.v.ui.showError(err)
			return
		}
		if r == nil {
			return
		}
		if r.URI().Scheme() == "file" {
			// Read where it lies: a share with hundreds of MB of evidence
			// is checked and imported without being held in memory.
			r.Close()
			f, err := os.Open(r.URI().Path())
			if err != nil {
				c.v.ui.showError(fmt.Errorf("không đọc được tệp %s: %w", r.URI().Name(), err))
				return
			}
			fi, err := f.Stat()
			if err != nil {
				f.Close()
				c.v.ui.showError(fmt.Errorf("không đọc được tệp %s: %w", r.URI().Name(), err))
				return
			}
			c.openFrom(r.URI().Name(), f, fi.Size(), func() { f.Close() })
			return
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			c.v.ui.showError(fmt.Errorf("không đọc được tệp %s: %w", r.URI().Name(), err))
			return
		}
		c.open(r.URI().Name(), b)
	}, c.v.ui.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdk"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// open checks a package whole and shows what importing it would change.
// A package that fails a check, or whose sender is trusted with another
// key, is refused with the reason and nothing else is offered.
func (c *packageCard) open(name string, b []byte) {
	c.openFrom(name, bytes.NewReader(b), int64(len(b)), func() {})
}

// openFrom reads the package from r; done releases r once the package is
// imported, refused or set aside.
func (c *packageCard) openFrom(name string, r io.ReaderAt, size int64, done func()) {
	c.v.backgroundWith("Đang kiểm tra gói "+name+"…", func(report progress.Func) (func(), error) {
		p, content, err := ops.ReadPackageProgress(r, size, report)
		if err != nil {
			done()
			return nil, err
		}
		var plan *pack.Plan
		err = c.v.ui.store.View(func(tx *store.Tx) (err error) {
			plan, err = ops.PlanPackage(tx, p, content)
			return err
		})
		if err != nil {
			done()
			return nil, err
		}
		return func() { c.showPlan(name, p, plan, done) }, nil
	})
}

// showPlan is the import dialog: who sent the package and with which
// key, what it adds, and one line per criterion it changes; a conflict
// has its own choice.
func (c *packageCard) showPlan(name string, pkg *pack.Package, p *pack.Plan, done func()) {
	win := c.v.ui.win
	if p.Trust == pack.KeyChanged {
		done()
		msg := widget.NewLabel(data.ErrorMessage(ops.TrustError(p)))
		msg.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom("Không nhập gói "+name, "Đóng", msg, win)
		d.Resize(fyne.NewSize(720, 300))
		showClosable(d, win)
		c.v.status.SetText("Không nhập gói " + name + ": người gửi đã được tin cậy với khóa khác.")
		return
	}
	var head []string
	head = append(head, p.Kind.Label(), "Chữ ký và mã SHA-256 của mọi mục hợp lệ: gói nguyên vẹn như khi ký.")
	sender := "Người gửi: " + p.Sender.Name
	if p.Sender.Officer != "" {
		sender += " — cán bộ " + p.Sender.Officer
	}
	head = append(head, sender, "Dấu nhận dạng khóa: "+p.Fingerprint,
		fmt.Sprintf("Năm %d; đơn vị: %s; lập lúc %s", p.Year, strings.Join(p.Units, ", "), p.Created.Local().Format("15:04 02/01/2006")))
	if p.Content.Deadline != "" {
		head = append(head, "Hạn nộp tự đánh giá: "+p.Content.Deadline)
	}
	if p.FrameworkChange != "" {
		head = append(head, p.FrameworkChange)
	}
	for _, u := range p.NewUnits {
		head = append(head, fmt.Sprintf("Thêm đơn vị %s (%s)", u.Name, u.Code))
	}
	if p.Lock {
		head = append(head, fmt.Sprintf("Khóa năm %d với kết quả xếp hạng như đã công bố", p.Year))
	}
	head = append(head, fmt.Sprintf("Cột được nhập: %s. %d tiêu chí thay đổi, %d xung đột, %d giữ nguyên.", p.Column.Label(), p.Count(pack.Change), p.Count(pack.Conflict), p.Count(pack.Same)))
	top := container.NewVBox()
	for i, line := range head {
		l := widget.NewLabel(line)
		if i == 0 {
			l.TextStyle.Bold = true
		}
		l.Wrapping = fyne.TextWrapWord
		top.Add(l)
	}
	confirm := "Nhập"
	if p.Trust == pack.Unknown {
		warn := widget.NewLabelWithStyle(fmt.Sprintf("«%s» chưa được tin cậy. Trước khi nhập, hãy gọi điện hỏi người gửi dấu nhận dạng khóa của họ: phải đúng là %s. Sau khi tin cậy, gói của người gửi này ký bằng khóa khác sẽ bị từ chối.", p.Sender.Name, p.Fingerprint),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warn.Wrapping = fyne.TextWrapWord
		top.Add(warn)
		confirm = "Tin cậy và nhập"
	}
	var rows []*pack.Row
	for i := range p.Rows {
		if p.Rows[i].Action != pack.Same {
			rows = append(rows, &p.Rows[i])
		}
	}
	list := widget.NewList(
		func() int { return len(rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Xung đột · NBI 1.1 · tệp dữ liệu: 1,5 → gói: 3")
			l.Truncation = fyne.TextTruncateEllipsis
			s := widget.NewSelect([]string{keepOffice, takePack}, nil)
			return container.NewBorder(nil, nil, nil, s, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := rows[id]
			box := o.(*fyne.Container)
			l, s := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Select)
			l.SetText(rowText(r))
			s.OnChanged = nil
			if r.Action != pack.Conflict {
				s.Hide()
				return
			}
			s.Show()
			if r.Take {
				s.SetSelected(takePack)
			} else {
				s.SetSelected(keepOffice)
			}
			s.OnChanged = func(v string) { r.Take = v == takePack }
		},
	)
	if p.Count(pack.Conflict) > 1 {
		all := func(take bool) func() {
			return func() {
				for _, r := range rows {
					if r.Action == pack.Conflict {
						r.Take = take
					}
				}
				list.Refresh()
			}
		}
		top.Add(flow(widget.NewButton(keepOffice+" cho mọi xung đột", all(false)), widget.NewButton(takePack+" cho mọi xung đột", all(true))))
	}
	body := container.NewBorder(top, nil, nil, nil, list)
	d := dialog.NewCustomConfirm("Nhập gói "+name, confirm, "Hủy", body, func(ok bool) {
		if !ok {
			done()
			c.v.status.SetText("Không nhập gói " + name + ".")
			return
		}
		c.apply(name, pkg, p, done)
	}, win)
	d.Resize(fyne.NewSize(1000, 640))
	d.Show()
}

func rowText(r *pack.Row) string {
	unit := r.Unit
	if r.UnitName != "" {
		unit = r.UnitName + " (" + r.Unit + ")"
	}
	return fmt.Sprintf("%s · %s · %s «%s» · tệp dữ liệu: %s → gói: %s", r.Action.Label(), unit, r.Code, r.Title, r.CurrentText, r.InText)
}

func (c *packageCard) apply(name string, pkg *pack.Package, p *pack.Plan, done func()) {
	c.v.backgroundWith("Đang nhập gói "+name+"…", func(report progress.Func) (func(), error) {
		defer done()
		sum, err := ops.ApplyPackageProgress(c.v.ui.store, pkg, p, p.Trust == pack.Unknown, report)
		return func() {
			c.v.status.SetText(sum.String())
			c.v.ui.publish(Change{Kind: FileReplaced})
			c.reload()
			dialog.ShowInformation("Đã nhập gói "+name, sum.String(), c.v.ui.win)
		}, err
	})
}
