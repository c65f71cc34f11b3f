// The picture library's picker (PictureAdmin.picker_view), in the popup window that the
// editor's "Browse…" button opens (django-prose-editor's Figure extension, option pickerUrl).
// It answers as that extension expects, through the CKEditor file browser protocol:
// window.opener.CKEDITOR.tools.callFunction(number, address, data), `number` being the
// CKEditorFuncNum of this window's address; the extension then fills in the dialog.
const number = new URLSearchParams(window.location.search).get("CKEditorFuncNum")
const editor = window.opener?.CKEDITOR?.tools

for (const choice of document.querySelectorAll(".picture-picker__choice")) {
  choice.addEventListener("click", () => {
    editor.callFunction(number, choice.dataset.address, {
      id: choice.dataset.id,
      alternative_text: choice.dataset.description,
    })
    window.close()
  })
  // The choices come disabled and wake up here, once a click can reach the editor; opened by
  // hand rather than by the editor, the page only lists the pictures.
  choice.disabled = !(editor && number)
}
