#!/bin/sh
# Render a .docx to PDF and PNG pages so a person can look at it:
#   scripts/render_docx.sh FILE.docx [OUTDIR]
# Needs LibreOffice (soffice) and poppler (pdftoppm):
#   apt-get install -y libreoffice-writer poppler-utils
# Writes OUTDIR/NAME.pdf and OUTDIR/NAME-1.png, NAME-2.png, ... (OUTDIR defaults to the file's directory).
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 FILE.docx [OUTDIR]" >&2
    exit 2
fi
docx=$1
[ -f "$docx" ] || { echo "$0: $docx: no such file" >&2; exit 2; }
outdir=${2:-$(dirname "$docx")}
mkdir -p "$outdir"
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool not found (apt-get install -y libreoffice-writer poppler-utils)" >&2; exit 2; }
done
name=$(basename "$docx" .docx)
# a private profile: a running LibreOffice or a first-start dialog must not block the conversion
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$outdir" "$docx" >/dev/null
[ -f "$outdir/$name.pdf" ] || { echo "$0: LibreOffice could not convert $docx" >&2; exit 1; }
pdftoppm -r "${DPI:-110}" -png "$outdir/$name.pdf" "$outdir/$name"
ls "$outdir/$name".pdf "$outdir/$name"-*.png
