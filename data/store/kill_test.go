package store_test

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The tests in this file run a second ParDesk process: the test binary
// itself, re-executed with PARDESK_CHILD set, running TestChildProcess.

const childEnv = "PARDESK_CHILD"

// TestChildProcess is the child's side: it does nothing in a normal run.
//
//	PARDESK_CHILD=write:PATH:START  writes one unit and its score per
//	                                transaction, printing each id once
//	                                Update has returned, until killed
//	PARDESK_CHILD=hold:PATH         opens PATH, prints "open", waits
func TestChildProcess(t *testing.T) {
	spec := os.Getenv(childEnv)
	if spec == "" {
		t.Skip("runs only as the child process of another test")
	}
	mode, rest, _ := strings.Cut(spec, ":")
	switch mode {
	case "write":
		i := strings.LastIndex(rest, ":")
		path := rest[:i]
		start, _ := strconv.Atoi(rest[i+1:])
		s, err := openRetry(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		for id := start; ; id++ {
			if err := s.Update(func(tx *store.Tx) error { return writeTx(tx, id) }); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(4)
			}
			// Only now is the transaction committed and on disk.
			os.Stdout.WriteString(strconv.Itoa(id) + "\n")
		}
	case "hold":
		s, err := store.Open(rest)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		defer s.Close()
		os.Stdout.WriteString("open\n")
		time.Sleep(time.Minute)
	}
}

// openRetry waits for the killed predecessor's lock to go (the kernel drops
// it with the process, but the parent may still be looking at the file).
func openRetry(path string) (*store.Store, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		s, err := store.Open(path)
		if err == nil || data.ErrorCode(err) != data.ECONFLICT || time.Now().After(deadline) {
			return s, err
		}
	}
}

func killCode(id int) string { return fmt.Sprintf("K%07d", id) }

// killScore is the appraised score transaction id writes on 1.1 (max 20).
func killScore(id int) data.Points { return data.Points(id % 2001) }

// writeTx is one transaction of the child: a new unit and its score sheet,
// two buckets (plus the audit trail) in one commit.
func writeTx(tx *store.Tx, id int) error {
	code := killCode(id)
	if err := tx.PutUnit(data.Unit{Code: code, Name: "Xã thử nghiệm số " + strconv.Itoa(id), Kind: data.KindCommune, GroupID: "xa"}); err != nil {
		return err
	}
	p := killScore(id)
	return tx.SetScore(2023, code, "1.1", data.Score{Appraised: &p, Note: "Giao dịch " + strconv.Itoa(id)})
}

func child(t *testing.T, spec string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+spec)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(out)
}

// killRounds starts a writing child, kills it with SIGKILL at a random
// moment, then opens the file and checks that every transaction the child
// reported committed is there, whole.
func killRounds(t *testing.T, rounds int) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, nil)
	s.Close()

	rng := rand.New(rand.NewPCG(6, uint64(rounds)))
	var committed []int
	emptyRounds := 0
	for r := range rounds {
		cmd, out := child(t, fmt.Sprintf("write:%s:%d", path, r*1_000_000))
		lines := make(chan int, 1<<16)
		go func() {
			defer close(lines)
			for {
				line, err := out.ReadString('\n')
				if err != nil {
					return // a line cut by the kill was never reported
				}
				id, _ := strconv.Atoi(strings.TrimSpace(line))
				lines <- id
			}
		}()
		// Most rounds kill mid-stream; some wait for the first commit, so
		// every round can't end before the child writes at all.
		if r%4 == 0 {
			select {
			case id, ok := <-lines:
				if ok {
					committed = append(committed, id)
				}
			case <-time.After(10 * time.Second):
			}
		}
		time.Sleep(time.Duration(rng.IntN(150_000)) * time.Microsecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		n := 0
		for id := range lines {
			committed = append(committed, id)
			n++
		}
		cmd.Wait()
		if n == 0 {
			emptyRounds++
		}

		s, err := store.Open(path)
		if err != nil {
			t.Fatalf("round %d: the file does not open after the kill: %v", r, err)
		}
		err = s.View(func(tx *store.Tx) error {
			sheets, err := tx.Sheets(2023)
			if err != nil {
				return err
			}
			for _, id := range committed {
				u, err := tx.Unit(killCode(id))
				if err != nil {
					t.Errorf("round %d: transaction %d was reported committed, its unit is missing: %v", r, id, err)
					continue
				}
				sh := sheets[u.Code]
				if sh == nil || sh.Appraised("1.1") != killScore(id) || sh.Scores["1.1"].Note != "Giao dịch "+strconv.Itoa(id) {
					t.Errorf("round %d: transaction %d was reported committed, its score is missing or wrong: %+v", r, id, sh)
				}
			}
			return nil
		})
		s.Close()
		if err != nil {
			t.Fatalf("round %d: reading after the kill: %v", r, err)
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d rounds, %d committed transactions checked, %d rounds killed before the first commit", rounds, len(committed), emptyRounds)
	if len(committed) < rounds/2 {
		t.Errorf("only %d transactions committed over %d rounds: the kills came too early to test anything", len(committed), rounds)
	}
}

func TestKillWhileWritingLosesNoCommittedTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	killRounds(t, 20)
}

// TestKillWhileWritingLong is the 200-round run: PARDESK_LONG=1 go test
// -run KillWhileWritingLong ./data/store/
func TestKillWhileWritingLong(t *testing.T) {
	if os.Getenv("PARDESK_LONG") == "" {
		t.Skip("set PARDESK_LONG=1 for the 200-round kill test")
	}
	killRounds(t, 200)
}

// A second ParDesk process on the same file is told within 2 s that the
// file is open in another window.
func TestSecondProcessIsToldTheFileIsOpen(t *testing.T) {
	path := dataPath(t)
	open(t, path).Close()
	cmd, out := child(t, "hold:"+path)
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if line, err := out.ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("child did not open the file: %q, %v", line, err)
	}
	go io.Copy(io.Discard, out)

	start := time.Now()
	s, err := store.Open(path)
	if err == nil {
		s.Close()
		t.Fatal("the file opened while another process holds it")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the refusal took %v, want under 2 s", d)
	}
	wantError(t, err, data.ECONFLICT, "đang được mở ở một cửa sổ ParDesk khác")

	cmd.Process.Kill()
	cmd.Wait()
	open(t, path) // the kernel released the lock with the process
}
