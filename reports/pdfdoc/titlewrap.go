package pdfdoc

import (
	"math"
	"strings"
)

// breakBefore are the words a title line may start with without cutting a
// word group: the little words that join the groups ("Kiểm tra công tác
// cải cách hành chính | và hoạt động | của Bộ phận Một cửa").
var breakBefore = map[string]bool{
	"và": true, "của": true, "về": true, "tại": true, "cho": true, "trong": true, "năm": true,
	"theo": true, "với": true, "đối": true, "trên": true, "đến": true, "từ": true, "thuộc": true,
	"giai": true, "kèm": true, "các": true, "những": true, "nhằm": true, "để": true, "do": true,
	"(": true,
	// the kind of a local government unit starts its name: "ỦY BAN NHÂN
	// DÂN / HUYỆN NGUYÊN BÌNH"
	"tỉnh": true, "huyện": true, "quận": true, "xã": true, "phường": true,
}

// goodBreak reports whether a line may end after prev and start with next
// without cutting a word group: before a joining word or an opening
// parenthesis, or after a comma, a colon or a semicolon.
func goodBreak(prev, next string) bool {
	if strings.HasPrefix(next, "(") || breakBefore[strings.ToLower(next)] {
		return true
	}
	r := []rune(prev)
	return len(r) > 0 && strings.ContainsRune(",;:", r[len(r)-1])
}

// balanced wraps a centred line (a title, an office's name) into as few
// lines as greedy wrapping needs, no wider than w, breaking between word
// groups where it can and otherwise where the lines come out of even
// length: "HOẠT / ĐỘNG" is never split while a break before "VÀ" or "CỦA"
// does as well. A no-break space joins the words of a group for good.
func (d *Doc) balanced(s string, w float64) []string {
	greedy := d.split(s, w)
	if len(greedy) < 2 || strings.Contains(s, "\n") {
		return greedy
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' })
	n, k := len(words), len(greedy)
	if n > 60 {
		return greedy
	}
	space := d.pdf.GetStringWidth(" ")
	ww := make([]float64, n)
	for i, wd := range words {
		ww[i] = d.pdf.GetStringWidth(wd)
	}
	width := func(i, j int) float64 { // words[i:j] on one line
		t := float64(j-i-1) * space
		for _, x := range ww[i:j] {
			t += x
		}
		return t
	}
	penalty := (w / 3) * (w / 3)
	inf := math.Inf(1)
	// cost[l][j]: the least cost of words[:j] on l lines.
	cost := make([][]float64, k+1)
	from := make([][]int, k+1)
	for l := range cost {
		cost[l] = make([]float64, n+1)
		from[l] = make([]int, n+1)
		for j := range cost[l] {
			cost[l][j] = inf
		}
	}
	cost[0][0] = 0
	for l := 1; l <= k; l++ {
		for j := 1; j <= n; j++ {
			for i := l - 1; i < j; i++ {
				if math.IsInf(cost[l-1][i], 1) {
					continue
				}
				lw := width(i, j)
				if lw > w {
					continue
				}
				c := cost[l-1][i] + (w-lw)*(w-lw)
				if i > 0 && !goodBreak(words[i-1], words[i]) {
					c += penalty
				}
				if c < cost[l][j] {
					cost[l][j], from[l][j] = c, i
				}
			}
		}
	}
	if math.IsInf(cost[k][n], 1) {
		return greedy
	}
	lines := make([]string, k)
	for l, j := k, n; l > 0; l-- {
		i := from[l][j]
		lines[l-1] = strings.Join(words[i:j], " ")
		j = i
	}
	return lines
}
