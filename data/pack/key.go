package pack

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
)

// KeyFile is the name of the installation key in the configuration folder.
const KeyFile = "khoa-ky-goi.json"

// Key is an installation's signing key, made once on the first package
// this ParDesk sends and kept in the user's configuration folder, readable
// by that user only. The receiving office knows the installation by its
// public key and the short fingerprint of it.
type Key struct {
	Private ed25519.PrivateKey
	Created time.Time
	Path    string // the file it is kept in
}

// Public is the key that checks this installation's signatures.
func (k *Key) Public() ed25519.PublicKey { return k.Private.Public().(ed25519.PublicKey) }

// Fingerprint is the public key's short fingerprint.
func (k *Key) Fingerprint() string { return Fingerprint(k.Public()) }

type keyFile struct {
	Seed    string    `json:"seed"` // base64 of the ed25519 seed
	Public  string    `json:"public"`
	Created time.Time `json:"created"`
}

// DefaultKeyDir is where the installation key lives: $PARDESK_CONFIG when
// set (tests, a second installation on one machine), else the user's
// configuration folder (on Windows %AppData%\ParDesk, beside the data
// file), which survives reinstalling the program.
func DefaultKeyDir() string {
	if d := os.Getenv("PARDESK_CONFIG"); d != "" {
		return d
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "ParDesk")
}

// LoadKey reads the installation key from dir, making it on the first
// call. Two programs making it at once end with the same key: the file is
// linked into place only if it is not there yet.
func LoadKey(dir string) (*Key, error) {
	path := filepath.Join(dir, KeyFile)
	if k, err := readKey(path); err == nil || !errors.Is(err, os.ErrNotExist) {
		return k, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không tạo được thư mục khóa ký gói %s: %v", dir, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không tạo được khóa ký gói: %v", err)
	}
	raw, _ := json.MarshalIndent(keyFile{
		Seed:    base64.StdEncoding.EncodeToString(priv.Seed()),
		Public:  base64.StdEncoding.EncodeToString(priv.Public().(ed25519.PublicKey)),
		Created: time.Now().UTC().Truncate(time.Second),
	}, "", "  ")
	tmp, err := os.CreateTemp(dir, ".khoa-*")
	if err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không ghi được khóa ký gói vào %s: %v", dir, err)
	}
	defer os.Remove(tmp.Name())
	// Readable by this user only: whoever reads the key can sign as the office.
	if err := tmp.Chmod(0o600); err != nil && !isWindows() {
		tmp.Close()
		return nil, data.Errorf(data.EINTERNAL, "Không đặt được quyền của tệp khóa: %v", err)
	}
	_, werr := tmp.Write(raw)
	serr := tmp.Sync()
	if cerr := tmp.Close(); werr == nil {
		werr = cmpErr(serr, cerr)
	}
	if werr != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không ghi được khóa ký gói vào %s: %v", dir, werr)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, os.ErrExist) {
		// No hard links (some USB file systems): a rename, which the
		// check above makes safe enough for one officer's PC.
		if _, serr := os.Stat(path); errors.Is(serr, os.ErrNotExist) {
			if err := os.Rename(tmp.Name(), path); err != nil {
				return nil, data.Errorf(data.EINTERNAL, "Không ghi được khóa ký gói %s: %v", path, err)
			}
		}
	}
	return readKey(path)
}

func cmpErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func isWindows() bool { return filepath.Separator == '\\' }

func readKey(path string) (*Key, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		return nil, data.Errorf(data.EINTERNAL, "Không đọc được khóa ký gói %s: %v", path, err)
	}
	var f keyFile
	bad := func() (*Key, error) {
		return nil, data.Errorf(data.EDAMAGED, "Tệp khóa ký gói %s bị hỏng. Gói đã gửi bằng khóa này vẫn kiểm tra được ở nơi nhận; muốn tạo khóa mới, hãy đổi tên tệp này rồi làm lại, và báo nơi nhận rằng dấu nhận dạng khóa sẽ đổi.", path)
	}
	if json.Unmarshal(raw, &f) != nil {
		return bad()
	}
	seed, err := base64.StdEncoding.DecodeString(f.Seed)
	if err != nil || len(seed) != ed25519.SeedSize {
		return bad()
	}
	k := &Key{Private: ed25519.NewKeyFromSeed(seed), Created: f.Created, Path: path}
	if base64.StdEncoding.EncodeToString(k.Public()) != f.Public {
		return bad()
	}
	return k, nil
}

// Fingerprint is the short fingerprint of a public key that an officer
// reads out on the phone to the sender: the first 16 hex digits of its
// SHA-256, in groups of four ("3F2A-91C0-7B4E-D512").
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := strings.ToUpper(hex.EncodeToString(sum[:8]))
	return h[0:4] + "-" + h[4:8] + "-" + h[8:12] + "-" + h[12:16]
}

// ParsePublicKey reads a manifest's base64 public key.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, data.Errorf(data.EINVALID, "Gói không hợp lệ: khóa công khai của người gửi trong %s không đọc được", ManifestPath)
	}
	return ed25519.PublicKey(b), nil
}
