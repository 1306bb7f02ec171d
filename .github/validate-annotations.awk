# Turns the validator's output into GitHub annotations, so each content error shows
# on the changed line of the pull request's "Files changed" tab.
#
#   content/regions/lanaudiere.yaml:14:5: message     ->  ::error file=…,line=14,col=5::message
#     → hint                                          ->  appended to the message (%0A = new line)
#   content/regions: message (a folder-wide problem)  ->  ::error file=content/regions::message
#
# Other lines (make's echo, the count) are not annotations and are left out; the
# step prints the full log itself.
function flush() {
    if (annotation != "") print annotation
    annotation = ""
}
function escape(text) {
    # workflow commands: % first, then CR/LF (GitHub docs, "Workflow commands")
    gsub(/%/, "%25", text)
    gsub(/\r/, "%0D", text)
    return text
}
/^[^ :][^:]*:[0-9]+:[0-9]+: / {
    flush()
    match($0, /^[^:]+:[0-9]+:[0-9]+: /)
    where = substr($0, 1, RLENGTH - 2)
    split(where, part, ":")
    annotation = "::error file=" part[1] ",line=" part[2] ",col=" part[3] "::" escape(substr($0, RLENGTH + 1))
    next
}
/^content\/[^ :]*: / {
    flush()
    match($0, /^content\/[^ :]*: /)
    annotation = "::error file=" substr($0, 1, RLENGTH - 2) "::" escape(substr($0, RLENGTH + 1))
    next
}
/^  → / {
    if (annotation != "") annotation = annotation "%0A" escape(substr($0, 3))
    next
}
{ flush() }
END { flush() }
