package protocol

import (
	"fmt"
	"strconv"
	"strings"
)

// Status says how a field fared.
type Status int

const (
	StatusOK      Status = iota // checked and accepted
	StatusInfo                  // not checked: explained only
	StatusError                 // the token the server refused or closed on
	StatusMissing               // a field the line does not have
	StatusExtra                 // an unexpected extra token, ignored
	StatusWarn                  // accepted, but unusual
	StatusSkipped               // not looked at: an earlier check decided
)

func (s Status) String() string {
	return [...]string{"ok", "not checked", "error", "missing", "extra", "unusual", "not reached"}[s]
}

// Field explains one token of a request or a response.
type Field struct {
	Key     string // stable identifier, the same for a field in request and response ("trid")
	Name    string // e.g. "locale"
	Span    Span   // bytes in the line (request) or reply (response); empty for missing fields
	Present bool
	Raw     string
	Meaning string // what the field is
	Value   string // the value interpreted, e.g. "English (United States)"
	Checked bool
	Status  Status
	Note    string // the reason, in plain words, for an error or remark
	Source  Source
}

// Step is one check in the decision, in the order the server runs them.
type Step struct {
	Name   string
	Status Status // StatusOK passed, StatusError decided with a refusal, StatusSkipped not reached
	Detail string
	Source Source
}

// Explanation says everything about one exchange.
type Explanation struct {
	Request  []Field
	Response []Field
	Steps    []Step
	// Outcome is one sentence about the answer; ReactionText says what the
	// client does with it.
	Outcome      string
	Reaction     Reaction
	ReactionText string
}

// Explain explains x, an exchange computed by a Session with policy p.
func Explain(p *Policy, x *Exchange) Explanation {
	var e Explanation
	switch {
	case x.Kind == KindIgnored:
		e.Outcome = "An empty line: the server ignores it and the connection stays open."
		e.Steps = []Step{{Name: "empty line", Status: StatusOK, Detail: "nothing but spaces and tabs: ignored", Source: SourceChoice}}
		return e
	case x.Fault == FaultTooLong:
		e.Request = []Field{{Key: "line", Name: "line", Span: Span{0, len(x.Line)}, Present: true, Raw: abbreviate(x.Line),
			Meaning: "the whole client line", Value: fmt.Sprintf("%d bytes", len(x.Line)), Checked: true, Status: StatusError,
			Note: fmt.Sprintf("longer than the server's limit of %d bytes: it closes without replying", p.MaxLineBytes()), Source: SourceChoice}}
		e.Steps = []Step{{Name: "line length", Status: StatusError, Detail: e.Request[0].Note, Source: SourceChoice}}
		e.Outcome = "No reply: the server closes the connection."
		return e
	}
	e.Steps = append(e.Steps, Step{Name: "line length", Status: StatusOK,
		Detail: fmt.Sprintf("%d bytes, within the limit of %d", len(x.Line), p.MaxLineBytes()), Source: SourceChoice})
	e.Request = append(e.Request, commandField(x))
	cmdStep := Step{Name: "command", Status: StatusOK, Detail: commandDetail(x), Source: SourceDoc}
	if x.Implicit {
		cmdStep.Source = SourceChoice
	}
	if x.Fault != FaultNone && x.Fault < FaultTrIDMissing {
		cmdStep.Status, cmdStep.Source = StatusError, x.Fault.Source()
		e.Steps = append(e.Steps, cmdStep)
		e.addRest(x, 1)
		e.Outcome = "No reply: the server closes the connection (" + x.Fault.String() + ")."
		return e
	}
	e.Steps = append(e.Steps, cmdStep)
	if x.Kind == KindNotSimulated {
		e.addRest(x, 1)
		e.Outcome = x.Req.CommandName() + " belongs to the rest of the protocol (login, lists, presence), outside this playground: not simulated, no reply, and the connection stays open."
		return e
	}
	e.Request = append(e.Request, tridField(x))
	if x.Fault != FaultNone {
		e.Steps = append(e.Steps, Step{Name: "TrID", Status: StatusError, Detail: x.Fault.String(), Source: x.Fault.Source()})
		e.addRest(x, 2)
		e.Outcome = "No reply: the server closes the connection (" + x.Fault.String() + ")."
		return e
	}
	e.Steps = append(e.Steps, Step{Name: "TrID", Status: StatusOK, Detail: fmt.Sprintf("%d, echoed in the reply", x.Req.TrID), Source: SourceDoc})
	if x.Req.CommandName() == "VER" {
		e.explainVER(p, x)
		return e
	}
	e.explainQuery(p, x)
	return e
}

func commandField(x *Exchange) Field {
	cmd := x.Req.CommandName()
	f := Field{Key: "command", Name: "command", Span: x.Req.Command, Present: cmd != "", Raw: cmd, Checked: true, Status: StatusOK, Source: SourceDoc}
	switch cmd {
	case "VER":
		f.Meaning, f.Value = "opens a connection by offering protocol dialects", "VER: dialect negotiation"
	case "CVQ":
		f.Meaning, f.Value = "client version query, the one command of CVR0", "CVQ: version query (CVR0)"
	case "CVR":
		f.Meaning, f.Value = "client version query inside an MSNP session", "CVR: version query (MSNPx)"
	default:
		f.Meaning = "the command: the bytes before the first space or tab"
		f.Value = cmd
	}
	if x.Kind == KindNotSimulated {
		f.Status, f.Checked = StatusInfo, false
		f.Value = cmd + ": another MSNP command, not simulated here"
	}
	if x.Fault != FaultNone && x.Fault < FaultTrIDMissing {
		f.Status, f.Note, f.Source = StatusError, x.Fault.String(), x.Fault.Source()
		if x.Fault == FaultLeadingBlank {
			f.Span, f.Present, f.Raw = x.Span, true, x.Span.In(x.Line)
			f.Value = "empty command"
		}
		if x.Fault == FaultCommandCase {
			f.Note += ": " + strings.ToUpper(cmd) + " would be understood, " + cmd + " is not"
		}
	}
	return f
}

func commandDetail(x *Exchange) string {
	cmd := x.Req.CommandName()
	switch {
	case x.Fault != FaultNone && x.Fault < FaultTrIDMissing:
		return x.Fault.String()
	case x.Kind == KindNotSimulated:
		return cmd + " is a command of the " + x.Dialect + " session, outside CVQ"
	case cmd == "VER":
		return "VER as the first line of connection " + fmt.Sprint(x.Conn)
	case x.Implicit && cmd == "CVQ":
		return "CVQ as the first line opens an implicit CVR0 session (this playground's choice, as the wiki's examples do)"
	case x.Implicit:
		return "CVR as the first line opens an implicit " + x.Dialect + " session, the policy's highest dialect"
	}
	return cmd + " is valid in the " + x.Dialect + " session"
}

func tridField(x *Exchange) Field {
	r := &x.Req
	f := Field{Key: "trid", Name: "TrID", Span: r.TrIDTok, Present: r.TrIDErr != FaultTrIDMissing, Raw: r.TrIDTok.In(r.Line),
		Meaning: "transaction ID: the client's number for this command, echoed in the reply", Checked: true, Source: SourceDoc}
	if r.TrIDErr != FaultNone {
		f.Status, f.Note, f.Source = StatusError, r.TrIDErr.String(), r.TrIDErr.Source()
		if !f.Present {
			f.Status = StatusMissing
			f.Span = Span{len(r.Line), len(r.Line)}
		}
		f.Value = "not a TrID"
		return f
	}
	f.Value = fmt.Sprint(r.TrID)
	if fmt.Sprint(r.TrID) != f.Raw {
		f.Value += " (the reply writes it as a plain number)"
		f.Source = SourceChoice
	}
	return f
}

// addRest adds the tokens after the first `from` as unread.
func (e *Explanation) addRest(x *Exchange, from int) {
	toks := Tokenize(x.Line)
	if x.Fault == FaultLeadingBlank {
		from = 0
	}
	for i := from; i < len(toks); i++ {
		e.Request = append(e.Request, Field{Key: "rest", Name: fmt.Sprintf("token %d", i+1), Span: toks[i], Present: true,
			Raw: toks[i].In(x.Line), Meaning: "not read: the server stopped before this token", Status: StatusSkipped})
	}
}

func (e *Explanation) explainVER(p *Policy, x *Exchange) {
	r := &x.Req
	for i := 0; i < r.NParams; i++ {
		sp, _ := r.Param(i)
		d := sp.In(r.Line)
		f := Field{Key: "dialect", Name: fmt.Sprintf("dialect %d", i+1), Span: sp, Present: true, Raw: d,
			Meaning: "a protocol dialect the client speaks", Checked: true, Source: SourceDoc}
		_, isMSNP := msnpNumber(d)
		switch {
		case d == x.Chosen:
			f.Status, f.Value = StatusOK, "chosen: the server supports it"
		case p.c.dialects[d]:
			f.Status, f.Value = StatusInfo, "supported, but not the best choice"
		case isMSNP || d == DialectCVR0:
			f.Status, f.Value = StatusInfo, "not supported by this server"
		default:
			f.Status, f.Value = StatusInfo, "not a dialect: ignored"
		}
		e.Request = append(e.Request, f)
	}
	if r.NParams == 0 {
		e.Request = append(e.Request, Field{Key: "dialect", Name: "dialect 1", Span: Span{len(r.Line), len(r.Line)},
			Meaning: "a protocol dialect the client speaks", Status: StatusMissing, Note: "VER offers no dialect", Source: SourceDoc})
	}
	supported := strings.Join(p.Dialects, " ")
	step := Step{Name: "dialect", Source: SourceDoc}
	switch {
	case x.Chosen == "0":
		step.Status, step.Detail = StatusError, "no offered dialect is supported (server: "+supported+"): VER "+fmt.Sprint(r.TrID)+" 0, then close"
		e.Outcome = "No common dialect: the server answers 0 and closes the connection."
	case x.Chosen == DialectCVR0:
		step.Status, step.Detail = StatusOK, "no MSNP dialect in common, but both have CVR0 (server: "+supported+")"
		e.Outcome = "Fallback to CVR0: the client may now send one CVQ, after which the server closes."
	default:
		step.Status, step.Detail = StatusOK, "the highest MSNP dialect both support (server: "+supported+")"
		e.Outcome = "Session in " + x.Chosen + ": CVR may follow, and the session continues after it."
	}
	e.Steps = append(e.Steps, step)
	fs := []Field{
		{Key: "command", Name: "command", Meaning: "the reply to VER", Value: "VER"},
		{Key: "trid", Name: "TrID", Meaning: "the client's TrID, echoed"},
		{Key: "dialect", Name: "dialect", Meaning: "the chosen dialect; 0 when none", Value: map[bool]string{true: "none in common", false: x.Chosen}[x.Chosen == "0"]},
	}
	if echo := verEcho(p, x); echo != nil {
		e.Steps = append(e.Steps, *echo)
		e.Outcome += " This server echoed the whole list you offered instead of naming only " + x.Chosen + "."
		fs = fs[:2]
		for i, d := range Tokenize(x.Reply)[2:] {
			f := Field{Key: "dialect", Name: fmt.Sprintf("dialect %d", i+1), Meaning: "a dialect the client offered, repeated by the server",
				Value: "echoed from the client's list", Source: SourceCapture}
			if d.In(x.Reply) == x.Chosen {
				f.Value = x.Chosen + ": echoed, and the dialect chosen"
			}
			fs = append(fs, f)
		}
	}
	e.Response = replyFields(x.Reply, fs)
}

// verEcho is the step that says the answer to VER repeats the offered
// list, or nil when the policy names the chosen dialect only.
func verEcho(p *Policy, x *Exchange) *Step {
	if p.VERReply != VERReplyEcho || x.Chosen == "0" {
		return nil
	}
	st := &Step{Name: "VER reply form", Status: StatusOK, Source: SourceCapture,
		Detail: "this server echoed the whole list you offered, as servers of 2006–2008 did (policy verReply: echo); the session is in " + x.Chosen}
	r := &x.Req
	for i := 0; i < r.NParams; i++ {
		if !p.c.dialects[r.ParamText(i)] {
			st.Detail += "; the dialects it does not speak are left out (this playground's choice)"
			st.Source = SourceChoice
			break
		}
	}
	return st
}

// replyFields fills the spans and raw text of fields from the reply line.
func replyFields(reply string, fs []Field) []Field {
	toks := Tokenize(reply)
	for i := range fs {
		if i < len(toks) {
			fs[i].Span, fs[i].Raw, fs[i].Present = toks[i], toks[i].In(reply), true
		}
		if fs[i].Value == "" {
			fs[i].Value = fs[i].Raw
		}
		if fs[i].Status == StatusOK && fs[i].Source == SourceDoc {
			fs[i].Status = StatusInfo
		}
	}
	return fs
}

var paramNames = [NamedParams]struct{ key, name, meaning string }{
	{"locale", "locale", "the client's Windows locale ID (LCID), 0x and hex"},
	{"systype", "system-type", "the operating system family"},
	{"sysver", "system-ver", "the operating system version"},
	{"arch", "system-arch", "the processor architecture"},
	{"library", "requesting-library", "the library that asks: it names the client program"},
	{"version", "client-version", "the version of the client program"},
	{"clientid", "client-identification", "the client's codebase name"},
	{"handle", "user-handle", "the account's e-mail address (since MSNP8)"},
	{"extra", "extra", "a hop or XFR counter that MSNP18+ third-party clients send"},
}

func (e *Explanation) explainQuery(p *Policy, x *Exchange) {
	r, d := &x.Req, x.Decision
	lib, ver := r.ParamText(ParamLibrary), r.ParamText(ParamVersion)
	for i := 0; i < NamedParams; i++ {
		n := paramNames[i]
		f := Field{Key: n.key, Name: n.name, Meaning: n.meaning, Status: StatusInfo, Source: SourceDoc}
		sp, ok := r.Param(i)
		if !ok {
			f.Status, f.Span = StatusMissing, Span{len(r.Line), len(r.Line)}
			if i < MinParams {
				f.Note = "required: the query needs at least 6 parameters"
			} else {
				f.Note = "optional"
			}
			e.Request = append(e.Request, f)
			continue
		}
		f.Span, f.Present, f.Raw = sp, true, sp.In(r.Line)
		p.describeParam(i, &f, d, lib, ver, r)
		e.Request = append(e.Request, f)
	}
	for i := NamedParams; i < r.NParams; i++ {
		sp, _ := r.Param(i)
		e.Request = append(e.Request, Field{Key: "unexpected", Name: fmt.Sprintf("parameter %d", i+1), Span: sp, Present: true,
			Raw: sp.In(r.Line), Meaning: "an unexpected extra parameter", Value: "ignored", Status: StatusExtra,
			Note: "no client sends more than 9 parameters; the server ignores the rest", Source: SourceChoice})
	}
	e.steps(p, x)
	e.response(p, x)
}

func (p *Policy) describeParam(i int, f *Field, d *Decision, lib, ver string, r *Request) {
	shifted := func() {
		if f.Note == "" {
			f.Note = "looks shifted: a field before it is probably missing (fields are positional)"
			f.Status = StatusWarn
		}
	}
	_, libLike := p.c.catalog[f.Raw]
	_, verLike := ParseVersion(f.Raw)
	switch i {
	case ParamLocale:
		f.Checked = true
		id, ok := parseLCID(f.Raw)
		loc, known := LookupLocale(id)
		switch {
		case !ok:
			f.Status, f.Value = StatusError, "not an LCID"
			f.Note = "the locale must be 0x followed by 1 to 4 hex digits"
			f.Note += localeHint(f.Raw)
		case !p.AcceptsLCID(id):
			f.Status = StatusError
			f.Value = "unknown locale " + formatLCID(id)
			if known {
				f.Value = loc.Display
			}
			f.Note = formatLCID(id) + " is not in this policy's LCID table"
		default:
			f.Status, f.Value = StatusOK, loc.Display
			if !known {
				f.Value = formatLCID(id) + " (accepted by this policy)"
			}
		}
		if f.Status == StatusError {
			f.Source = SourceDoc
		}
	case ParamSystemType:
		f.Value = SystemTypeMeaning(f.Raw)
		if f.Value == "" {
			f.Value, f.Status = "not a known system type (win, winnt, mac)", StatusWarn
		}
	case ParamSystemVer:
		if s, ok := LookupSystem(r.ParamText(ParamSystemType), f.Raw); ok {
			f.Value = s.Name
		} else {
			f.Value = "not a known version of this system type"
			f.Status = StatusWarn
		}
	case ParamSystemArch:
		switch {
		case f.Raw == "i386":
			f.Value = "Intel x86, as every Windows client sends"
		case libLike:
			f.Value = "this is a library name"
			shifted()
		default:
			f.Value, f.Status = "unusual: clients practically always send i386", StatusWarn
		}
	case ParamLibrary:
		f.Checked = true
		rng, known := p.c.catalog[f.Raw]
		switch {
		case known:
			f.Value = libraryMeaning(f.Raw) + fmt.Sprintf("; this policy knows %s to %s", versionText(rng.first), versionText(rng.last))
		case verLike:
			f.Value = "this is a version, not a library"
			f.Note = "looks shifted: a field before it is probably missing (fields are positional)"
		default:
			f.Value = "not in this policy's catalog"
			if m := libraryMeaning(f.Raw); m != "" && !strings.HasPrefix(m, "unknown") {
				f.Value = m + ", but not in this policy's catalog"
			}
		}
		if !known {
			f.Status = StatusError
			if d.Decided < CheckClient {
				f.Status = StatusSkipped
			} else {
				f.Note = joinNote(f.Note, "unknown library: the catalog is exact and case-sensitive")
			}
		} else {
			f.Status = StatusOK
		}
	case ParamVersion:
		f.Checked = true
		f.Value = versionMeaning(lib, f.Raw)
		f.Status = StatusOK
		if d.Decided == CheckClient && d.Span == f.Span {
			f.Status, f.Note = StatusError, clientReason(p, d, lib, ver)
		} else if d.Decided < CheckClient || d.Reason == ReasonLibraryUnknown {
			f.Status = StatusSkipped
		}
		if d.Decided >= CheckClient && d.Reason != ReasonLibraryUnknown && d.Reason != ReasonVersionSyntax && f.Status == StatusOK {
			f.Source = SourceChoice // the range rule
		}
	case ParamClientID:
		f.Value = clientIDMeaning(f.Raw)
	case ParamHandle:
		if strings.Contains(f.Raw, "@") {
			f.Value = "account " + f.Raw
		} else {
			f.Value, f.Status = "not an e-mail address", StatusWarn
		}
	case ParamExtra:
		f.Value = "ignored by the version check"
	}
	if d.Decided == CheckParams && f.Checked {
		f.Status = StatusSkipped
	}
}

// localeHint recognises the usual mistakes: a decimal LCID, or hex
// without its 0x.
func localeHint(raw string) string {
	if n, err := strconv.ParseUint(raw, 10, 16); err == nil {
		if l, ok := LookupLocale(uint16(n)); ok {
			return fmt.Sprintf("; %s is the decimal form of %s, %s", raw, l.Hex(), l.Display)
		}
	}
	if h, ok := parseLCID("0x" + raw); ok {
		if l, ok := LookupLocale(h); ok {
			return fmt.Sprintf("; with 0x it would be %s, %s", l.Hex(), l.Display)
		}
	}
	return ""
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func libraryMeaning(lib string) string {
	switch lib {
	case "MSMSGS":
		return "MSN Messenger 1.0 to 4.x and Windows Messenger"
	case "MSNMSGR":
		return "MSN Messenger 5.0 and later, Windows Live Messenger"
	case "MSG80BETA":
		return "Windows Live Messenger 8.0 beta"
	case "macmsgs":
		return "Messenger for Mac"
	}
	return "unknown library"
}

// versionMeaning names the client of a library and version, e.g.
// "MSN Messenger 6.0, 2003".
func versionMeaning(lib, raw string) string {
	v, ok := ParseVersion(raw)
	if !ok {
		return "not a version (3 or 4 numbers of 1 to 5 digits)"
	}
	b, exact, found := LookupBuild(lib, v)
	if !found {
		for _, l := range []string{"MSNMSGR", "MSMSGS", "MSG80BETA", "macmsgs"} {
			if b, exact, found = LookupBuild(l, v); exact {
				break
			}
		}
	}
	switch {
	case found && exact:
		return b.Product + ", " + year(b.Released)
	case found:
		return "after " + b.Product + " " + b.Version + ": not a known build"
	}
	return "older than every known build"
}

func year(released string) string {
	if len(released) >= 4 {
		return released[:4]
	}
	return released
}

func versionText(v Version) string {
	var b strings.Builder
	for i := 0; i < v.N; i++ {
		if i > 0 {
			b.WriteByte('.')
		}
		s := fmt.Sprint(v.Parts[i])
		if i >= 2 && len(s) < 4 {
			s = strings.Repeat("0", 4-len(s)) + s
		}
		b.WriteString(s)
	}
	return b.String()
}

func clientIDMeaning(id string) string {
	switch id {
	case "MSMSGS", "msmsgs":
		return "the usual codebase name (MSMSGS)"
	case "WindowsMessenger":
		return "Windows Messenger 4.7"
	case "BC01":
		return "seen from Windows Live Messenger 8.5 and third-party clients"
	case "macmsgs":
		return "Messenger for Mac"
	}
	return "not a known codebase name; not checked"
}

func clientReason(p *Policy, d *Decision, lib, ver string) string {
	rng := p.c.catalog[lib]
	switch d.Reason {
	case ReasonLibraryUnknown:
		return lib + " is not in this policy's catalog"
	case ReasonVersionSyntax:
		return ver + " is not a version: 3 or 4 dot-separated numbers of 1 to 5 digits"
	case ReasonVersionTooOld:
		return fmt.Sprintf("%s is older than the first known %s build (%s)", ver, lib, versionText(rng.first))
	case ReasonVersionTooNew:
		return fmt.Sprintf("%s is newer than the last %s build this policy knows (%s)", ver, lib, versionText(rng.last))
	case ReasonNoRule:
		return "no rule of this policy matches this client"
	}
	return ""
}

func (e *Explanation) steps(p *Policy, x *Exchange) {
	r, d := &x.Req, x.Decision
	lib, ver := r.ParamText(ParamLibrary), r.ParamText(ParamVersion)
	add := func(c Check, st Status, detail string, src Source) {
		e.Steps = append(e.Steps, Step{Name: c.String(), Status: st, Detail: detail, Source: src})
	}
	skip := func(from Check) {
		for _, c := range Checks[from:] {
			add(c, StatusSkipped, "not reached: an earlier check decided", SourceDoc)
		}
	}
	if d.Decided == CheckParams {
		add(CheckParams, StatusError, fmt.Sprintf("%d parameters after the TrID, at least 6 are needed: 731", r.NParams), SourceDoc)
		skip(CheckLocale)
		return
	}
	add(CheckParams, StatusOK, fmt.Sprintf("%d parameters after the TrID (6 needed)", r.NParams), SourceDoc)
	if d.Decided == CheckLocale {
		what := "not 0x followed by 1 to 4 hex digits"
		if d.Reason == ReasonLocaleUnknown {
			what = formatLCID(d.LCID) + " is not in the LCID table"
		}
		add(CheckLocale, StatusError, what+": 710", SourceDoc)
		skip(CheckClient)
		return
	}
	add(CheckLocale, StatusOK, formatLCID(d.LCID)+" is an accepted LCID", SourceDoc)
	if d.Decided == CheckClient {
		src, outcome := SourceDoc, "420"
		if d.Reason == ReasonVersionTooOld || d.Reason == ReasonVersionTooNew {
			src = SourceChoice
		}
		if d.Unknown {
			outcome = "CVR answers an unknown client with 1.0.0000 (seen in real traffic)"
			if p.c.echo {
				outcome = "CVR answers an unknown client with 1.0.0000 and its own version as the minimum (this policy's choice)"
			}
		}
		if d.Reason == ReasonNoRule {
			add(CheckClient, StatusOK, lib+" "+ver+" is a known client", SourceChoice)
			add(CheckRule, StatusError, "no rule matches: the client is treated as unknown, "+outcome, SourceChoice)
			return
		}
		add(CheckClient, StatusError, clientReason(p, d, lib, ver)+": "+outcome, src)
		skip(CheckRule)
		return
	}
	rng := p.c.catalog[lib]
	add(CheckClient, StatusOK, fmt.Sprintf("%s %s is within the known builds %s to %s", lib, ver, versionText(rng.first), versionText(rng.last)), SourceChoice)
	rule := p.Rules[d.Rule]
	desc := fmt.Sprintf("rule %d", d.Rule+1)
	if rule.Note != "" {
		desc += " (" + rule.Note + ")"
	}
	add(CheckRule, StatusOK, desc+" matches: it gives the offer", SourceDoc)
}

func (e *Explanation) response(p *Policy, x *Exchange) {
	d := x.Decision
	if d.Code != 0 {
		e.Response = replyFields(x.Reply, []Field{
			{Key: "code", Name: "error code", Meaning: "an MSNP error number", Value: d.Code.String()},
			{Key: "trid", Name: "TrID", Meaning: "the client's TrID, echoed"},
		})
		e.Outcome = fmt.Sprintf("Error %s.", d.Code)
		if x.Close {
			e.Outcome += " The server closes the connection."
		} else {
			e.Outcome += " The session continues."
		}
		return
	}
	lib := x.Req.ParamText(ParamLibrary)
	urlFrom := [...]string{URLsOfPolicy: "the policy's URLs", URLsOfLocale: "localised for " + formatLCID(d.LCID), URLsOfRule: "the matching rule's URLs"}[d.URLFrom]
	src := SourceDoc
	if d.URLFrom == URLsOfLocale {
		src = SourceCapture
	}
	e.Response = replyFields(x.Reply, []Field{
		{Key: "command", Name: "command", Meaning: "the reply repeats the query's command", Value: d.Verb},
		{Key: "trid", Name: "TrID", Meaning: "the client's TrID, echoed"},
		{Key: "recommended", Name: "recommended", Meaning: "the version the server recommends", Value: versionMeaning(lib, d.Offer[0])},
		{Key: "recommended2", Name: "recommended-2", Meaning: "the recommended version again (always equal to it in known traffic)", Value: versionMeaning(lib, d.Offer[1])},
		{Key: "minimum", Name: "minimum", Meaning: "the oldest version allowed to stay", Value: versionMeaning(lib, d.Offer[2])},
		{Key: "download", Name: "download-url", Meaning: "where a client that must upgrade downloads the installer", Value: urlFrom, Source: src},
		{Key: "fallback", Name: "fallback-url", Meaning: "the page the client opens when the download fails", Value: urlFrom, Source: src},
	})
	if d.URLs.EmptyAfterDownload {
		e.Response = emptyField(x.Reply, e.Response, d)
	}
	if d.Unknown {
		for i := 2; i <= 4; i++ {
			e.Response[i].Value = "1.0.0000: the unknown-client answer"
			e.Response[i].Source = SourceCapture
		}
		if p.c.echo {
			e.Response[4].Value = "the client's own version (this policy echoes it)"
			e.Response[4].Source = SourceChoice
		}
		e.Outcome = "Unknown client: CVR still answers, with 1.0.0000."
	} else {
		e.Outcome = fmt.Sprintf("Offer: %s recommended, %s minimum.", d.Offer[0], d.Offer[2])
	}
	e.Reaction = d.Reaction()
	ver := x.Req.ParamText(ParamVersion)
	switch e.Reaction {
	case ReactionMustUpgrade:
		e.ReactionText = fmt.Sprintf("Must upgrade: %s is older than the minimum %s. The client disconnects, downloads %s, and opens %s if the download fails.", ver, d.Offer[2], d.URLs.Download, d.URLs.Fallback)
	case ReactionUpgradeOffered:
		e.ReactionText = fmt.Sprintf("Upgrade offered: %s is at least the minimum %s but older than the recommended %s. The user may upgrade or carry on.", ver, d.Offer[2], d.Offer[0])
	case ReactionUpToDate:
		e.ReactionText = fmt.Sprintf("Up to date: %s is not older than the recommended %s.", ver, d.Offer[0])
	case ReactionCannotCompare:
		e.ReactionText = "The client cannot compare: its own version " + ver + " is not a version number."
	}
	if x.Dialect == DialectCVR0 {
		e.ReactionText += " In CVR0 the server closes the connection after this answer anyway, whatever the versions: the client reconnects with a dialect it speaks, or upgrades."
	} else {
		e.ReactionText += " The " + x.Dialect + " session continues."
	}
}

// emptyField inserts, after the download URL, the empty field that a
// policy with emptyAfterDownload writes (two spaces on the wire), and
// moves the fallback after it.
func emptyField(reply string, fs []Field, d *Decision) []Field {
	const download = 5
	if len(fs) <= download || !fs[download].Present {
		return fs
	}
	at := fs[download].Span.End + 1 // between the two spaces
	empty := Field{Key: "empty", Name: "empty field", Span: Span{at, at}, Present: true,
		Meaning: "a field with nothing in it: the server wrote two spaces after the download URL",
		Value: "empty. A client that splits the line on single spaces reads it as the fallback URL, and the page after it as an extra field; " +
			"one that splits on runs of blanks, as servers' own parsers do, skips it. " +
			"In the logged exchange (March 2010) the client was not below the minimum 1.0.0000: it downloaded nothing and went on to log in (USR)",
		Status: StatusWarn, Source: SourceCapture}
	fs[download].Value += "; " + d.URLs.Download + " is a bare host, with no installer to download"
	fs[download].Source = SourceCapture
	out := append([]Field(nil), fs[:download+1]...)
	out = append(out, empty)
	return append(out, fs[download+1:]...)
}

func abbreviate(s string) string {
	if len(s) <= 64 {
		return s
	}
	return s[:61] + "…"
}

// Why says in plain words why the server refused x or closed without a
// reply, and "" when it did neither.
func Why(p *Policy, x *Exchange) string {
	switch {
	case x.Fault != FaultNone:
		if x.Fault == FaultTooLong {
			return fmt.Sprintf("%d bytes: longer than the server's limit of %d; it closes without replying", len(x.Line), p.MaxLineBytes())
		}
		return x.Fault.String() + ": the server closes without replying"
	case x.Decision == nil:
		if x.Chosen == "0" {
			return "no dialect in common with the server (" + strings.Join(p.Dialects, " ") + ")"
		}
		return ""
	}
	d, r := x.Decision, &x.Req
	switch d.Decided {
	case CheckParams:
		return fmt.Sprintf("731: %d parameters after the TrID, at least 6 are needed", r.NParams)
	case CheckLocale:
		raw := d.Span.In(r.Line)
		if d.Reason == ReasonLocaleSyntax {
			return "710: " + raw + " is not 0x followed by 1 to 4 hex digits" + localeHint(raw)
		}
		return "710: " + raw + " is not in this policy's LCID table"
	case CheckClient:
		why := clientReason(p, d, r.ParamText(ParamLibrary), r.ParamText(ParamVersion))
		if d.Unknown {
			return "unknown client, answered with 1.0.0000: " + why
		}
		return "420: " + why
	}
	return ""
}

// TokenKey returns the field key (as in Field.Key) of token i of a line
// whose command is cmd: 0 is the command, 1 the TrID.
func TokenKey(cmd string, i int) string {
	switch {
	case i == 0:
		return "command"
	case i == 1 && (cmd == "VER" || cmd == "CVQ" || cmd == "CVR"):
		return "trid"
	case cmd == "VER":
		return "dialect"
	case cmd == "CVQ" || cmd == "CVR":
		if i-2 < NamedParams {
			return paramNames[i-2].key
		}
		return "unexpected"
	}
	return "rest"
}
