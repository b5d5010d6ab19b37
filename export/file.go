package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteFile when the file is there and force is
// false.
var ErrExists = errors.New("exists (use --force to overwrite)")

// WriteFile writes data to path through a temporary file in the same
// directory, so a reader never sees half a file and a failed write leaves
// the old one intact. Without force an existing path is never replaced:
// the temporary file is hard-linked into place, which fails if path
// exists, so there is no window between the check and the write.
func WriteFile(path string, data []byte, force bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer func() {
		if name != "" {
			os.Remove(name)
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if force {
		if err := os.Rename(name, path); err != nil {
			return err
		}
		name = ""
		return nil
	}
	if err := os.Link(name, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
		// No hard links on this file system: check, then rename.
		if _, serr := os.Lstat(path); serr == nil {
			return fmt.Errorf("%s %w", path, ErrExists)
		}
		if err := os.Rename(name, path); err != nil {
			return err
		}
		name = ""
	}
	return nil
}
