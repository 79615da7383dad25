// Code generated from presets/*.json by go test ./protocol -run TestPresetsGenerated -update. DO NOT EDIT.

package protocol

// builtinPresets makes a fresh copy of each built-in policy.
var builtinPresets = map[string]func() *Policy{
	"msn-2002-10": func() *Policy {
		return &Policy{
			Name:        "msn-2002-10",
			Description: "October 2002: MSN Messenger 4.6 recommended to everyone, MSNP2 to MSNP7.",
			Date:        "2002-10",
			Source:      "hypothetic.org protocol notes, 2002 capture (seen in real traffic)",
			Dialects:    []string{"MSNP2", "MSNP3", "MSNP4", "MSNP5", "MSNP6", "MSNP7", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.6.0083",
			}},
			Rules: []Rule{{
				Note: "every known client",
				Offer: Offer{
					Recommended:  "4.6.0083",
					Recommended2: "4.6.0083",
					Minimum:      "1.0.0000",
				},
			}},
			URLs: URLs{
				Download: "http://download.microsoft.com/download/msnmessenger/install/4.6/win98me/en-us/mmssetup.exe",
				Fallback: "http://messenger.microsoft.com",
			},
		}
	},
	"msn-2003-09": func() *Policy {
		return &Policy{
			Name:        "msn-2003-09",
			Description: "September 2003: MSN Messenger 6.0 recommended to everyone, MSNP2 to MSNP9.",
			Date:        "2003-09",
			Source:      "hypothetic.org MSNP8 login capture (seen in real traffic)",
			Dialects:    []string{"MSNP2", "MSNP3", "MSNP4", "MSNP5", "MSNP6", "MSNP7", "MSNP8", "MSNP9", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "6.0.0602",
			}},
			Rules: []Rule{{
				Note: "every known client",
				Offer: Offer{
					Recommended:  "6.0.0602",
					Recommended2: "6.0.0602",
					Minimum:      "1.0.0000",
				},
			}},
			URLs: URLs{
				Download: "http://download.microsoft.com/download/8/a/4/8a42bcae-f533-4468-b871-d2bc8dd32e9e/SETUP9x.EXE",
				Fallback: "http://messenger.msn.com",
			},
		}
	},
	"msnp-wiki": func() *Policy {
		return &Policy{
			Name:        "msnp-wiki",
			Description: "The examples of the msnp-wiki CVQ page: MSN Messenger 7.0 recommended, a CVR0-only Dispatch Server.",
			Date:        "2005",
			Source:      "msnp-wiki CVQ, CVR0 and VER pages (documented)",
			Dialects:    []string{"CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "7.0.0813",
			}},
			Rules: []Rule{{
				Note:    "MSN Messenger 1.0 to Windows Messenger 4.7: offered MSN Messenger 5.0",
				Library: "MSMSGS",
				Offer: Offer{
					Recommended:  "5.0.0537",
					Recommended2: "5.0.0537",
					Minimum:      "1.0.0863",
					URLs: &URLs{
						Download: "http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe",
						Fallback: "http://messenger.microsoft.com",
					},
				},
			}, {
				Note:    "MSN Messenger 5.0 and later: offered 7.0, required 6.2",
				Library: "MSNMSGR",
				Offer: Offer{
					Recommended:  "7.0.0813",
					Recommended2: "7.0.0813",
					Minimum:      "6.2.0205",
				},
			}},
			URLs: URLs{
				Download: "http://msgr.dlservice.microsoft.com/download/5/d/9/5d9bb5b2-49c7-4890-94ab-d1d5e44a0e6d/Install_MSN_Messenger.exe",
				Fallback: "http://messenger.msn.com",
			},
		}
	},
	"msn-2006-03": func() *Policy {
		return &Policy{
			Name:        "msn-2006-03",
			Description: "March 2006: MSN Messenger 7.5 recommended; 6.2 required, 7.5.0299 for 7.5 clients; MSNP8 to MSNP12.",
			Date:        "2006-03",
			Source:      "a Gaim debug log and a client's source comment (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "7.5.0324",
			}},
			Rules: []Rule{{
				Note: "MSN Messenger 7.5 clients",
				From: "7.5.0000",
				Offer: Offer{
					Recommended:  "7.5.0324",
					Recommended2: "7.5.0324",
					Minimum:      "7.5.0299",
				},
			}, {
				Note: "every other known client",
				Offer: Offer{
					Recommended:  "7.5.0324",
					Recommended2: "7.5.0324",
					Minimum:      "6.2.0208",
				},
			}},
			URLs: URLs{
				Download: "http://msgr.dlservice.microsoft.com/download/5/a/8/5a892c0f-5b87-4767-8927-6fe5d8cfc582/Install_MSN_Messenger.exe",
				Fallback: "http://messenger.msn.com",
			},
		}
	},
	"msn-2006-12": func() *Policy {
		return &Policy{
			Name:        "msn-2006-12",
			Description: "December 2006: the offers of March 2006 (7.5 recommended; 6.2 required, 7.5.0299 for 7.5 clients), but VER now echoes the client's whole list of dialects; MSNP8 to MSNP12. Offers, dialects and catalog are kept from msn-2006-03, whose Gaim log is the same one (decided).",
			Date:        "2006-12",
			Source:      "a Gaim 2.0 debug log of 2006-12-14 (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "7.5.0324",
			}},
			Rules: []Rule{{
				Note: "MSN Messenger 7.5 clients",
				From: "7.5.0000",
				Offer: Offer{
					Recommended:  "7.5.0324",
					Recommended2: "7.5.0324",
					Minimum:      "7.5.0299",
				},
			}, {
				Note: "every other known client",
				Offer: Offer{
					Recommended:  "7.5.0324",
					Recommended2: "7.5.0324",
					Minimum:      "6.2.0208",
				},
			}},
			URLs: URLs{
				Download: "http://msgr.dlservice.microsoft.com/download/5/a/8/5a892c0f-5b87-4767-8927-6fe5d8cfc582/Install_MSN_Messenger.exe",
				Fallback: "http://messenger.msn.com",
			},
			VERReply: VERReplyEcho,
		}
	},
	"msn-2007-06": func() *Policy {
		return &Policy{
			Name:        "msn-2007-06",
			Description: "June 2007: Windows Live Messenger 8.1 required of everyone, Spanish download for 0x0c0a; MSNP8 to MSNP15.",
			Date:        "2007-06",
			Source:      "two client debug logs (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "MSNP13", "MSNP14", "MSNP15", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "8.1.0178",
			}, {
				Library: "MSG80BETA",
				First:   "8.0.0566",
				Last:    "8.0.0566",
			}},
			Rules: []Rule{{
				Note: "every known client",
				Offer: Offer{
					Recommended:  "8.1.0178",
					Recommended2: "8.1.0178",
					Minimum:      "8.1.0178",
				},
			}},
			URLs: URLs{
				Download: "http://msgruser.dlservice.microsoft.com/download/1/A/4/1A4FEB1A-18E0-423A-B898-F697402E4F7F/Install_Messenger.exe",
				Fallback: "http://get.live.com",
			},
			LocalURLs: map[string]URLs{
				"0x0c0a": {
					Download: "http://msgruser.dlservice.microsoft.com/download/5/6/4/5646481F-33EF-4B08-AF00-4904F7677B89/ES/Install_WLMessenger.exe",
					Fallback: "http://get.live.com/es",
				},
			},
		}
	},
	"msn-2008-01": func() *Policy {
		return &Policy{
			Name:        "msn-2008-01",
			Description: "January 2008: Windows Live Messenger 8.1 still required of everyone, and VER echoes the client's whole list of dialects; MSNP8 to MSNP15. The Spanish download for 0x0c0a is kept from June 2007 (decided: the log is in English).",
			Date:        "2008-01",
			Source:      "an aMSN log of 2008-01-20 (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "MSNP13", "MSNP14", "MSNP15", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "8.1.0178",
			}, {
				Library: "MSG80BETA",
				First:   "8.0.0566",
				Last:    "8.0.0566",
			}},
			Rules: []Rule{{
				Note: "every known client",
				Offer: Offer{
					Recommended:  "8.1.0178",
					Recommended2: "8.1.0178",
					Minimum:      "8.1.0178",
				},
			}},
			URLs: URLs{
				Download: "http://msgruser.dlservice.microsoft.com/download/1/A/4/1A4FEB1A-18E0-423A-B898-F697402E4F7F/Install_Messenger.exe",
				Fallback: "http://get.live.com",
			},
			LocalURLs: map[string]URLs{
				"0x0c0a": {
					Download: "http://msgruser.dlservice.microsoft.com/download/5/6/4/5646481F-33EF-4B08-AF00-4904F7677B89/ES/Install_WLMessenger.exe",
					Fallback: "http://get.live.com/es",
				},
			},
			VERReply: VERReplyEcho,
		}
	},
	"msn-2008": func() *Policy {
		return &Policy{
			Name:        "msn-2008",
			Description: "2008, month unknown: Windows Live Messenger 8.5 recommended, 8.1 required, the Spanish download now from msgr.dlservice; VER echoes the client's whole list; MSNP8 to MSNP15. Decided where the log is silent: every known client gets the offer it shows for MSN Messenger, other locales keep the English download of January 2008, and the catalog ends at 8.5.1302.",
			Date:        "2008",
			Source:      "emesene console output, 2008 (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "MSNP13", "MSNP14", "MSNP15", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "8.5.1302",
			}, {
				Library: "MSG80BETA",
				First:   "8.0.0566",
				Last:    "8.0.0566",
			}},
			Rules: []Rule{{
				Note: "every known client",
				Offer: Offer{
					Recommended:  "8.5.1302",
					Recommended2: "8.5.1302",
					Minimum:      "8.1.0178",
				},
			}},
			URLs: URLs{
				Download: "http://msgruser.dlservice.microsoft.com/download/1/A/4/1A4FEB1A-18E0-423A-B898-F697402E4F7F/Install_Messenger.exe",
				Fallback: "http://get.live.com",
			},
			LocalURLs: map[string]URLs{
				"0x0c0a": {
					Download: "http://msgr.dlservice.microsoft.com/download/5/6/4/5646481F-33EF-4B08-AF00-4904F7677B89/ES/Install_WLMessenger.exe",
					Fallback: "http://get.live.com/es",
				},
			},
			VERReply: VERReplyEcho,
		}
	},
	"msn-2009-06": func() *Policy {
		return &Policy{
			Name:        "msn-2009-06",
			Description: "June 2009: Windows Live Messenger 2009 (14.0) recommended, 8.1 required; MSNP8 to MSNP18.",
			Date:        "2009-06",
			Source:      "a Pidgin debug log (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "MSNP13", "MSNP14", "MSNP15", "MSNP16", "MSNP17", "MSNP18", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "14.0.8117.0416",
			}},
			Rules: []Rule{{
				Note: "every known client",
				Offer: Offer{
					Recommended:  "14.0.8064",
					Recommended2: "14.0.8064",
					Minimum:      "8.1.0178",
				},
			}},
			URLs: URLs{
				Download: "http://msgr.dlservice.microsoft.com/download/5/2/E/52EB299A-E4DE-43E2-8D55-510D7FB03610/en/wlsetup-cvr.exe",
				Fallback: "http://download.live.com/?sku=messenger",
			},
		}
	},
	"msn-2009-08": func() *Policy {
		return &Policy{
			Name:        "msn-2009-08",
			Description: "August 2009, once build 14.0.8089 had shipped (2009-07-26): Windows Live Messenger 14.0.8089 recommended and required of everyone; MSNP8 to MSNP18. Decided: the catalog ends at 14.0.8089, sent on the wire as 14.0.8089.0726, and VER names the chosen dialect only, as in June 2009.",
			Date:        "2009-08",
			Source:      "a Java client's protocol trace, 2009 (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "MSNP13", "MSNP14", "MSNP15", "MSNP16", "MSNP17", "MSNP18", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSMSGS",
				First:   "1.0.0863",
				Last:    "4.7.3001",
			}, {
				Library: "MSNMSGR",
				First:   "5.0.0537",
				Last:    "14.0.8089.0726",
			}},
			Rules: []Rule{{
				Note: "every known client",
				Offer: Offer{
					Recommended:  "14.0.8089",
					Recommended2: "14.0.8089",
					Minimum:      "14.0.8089",
				},
			}},
			URLs: URLs{
				Download: "http://msgruser.dlservice.microsoft.com/download/7/5/8/758BFCC9-1744-48F7-8162-E0AC1E7BF5C8/en/wlsetup-cvr.exe",
				Fallback: "http://download.live.com/?sku=messenger",
			},
		}
	},
	"msn-2010-03": func() *Policy {
		return &Policy{
			Name:        "msn-2010-03",
			Description: "March 2010: clients older than Windows Live Messenger 8.1 are unknown, and CVR answers them 1.0.0000 with a download field that is the bare host followed by an empty field (two spaces on the wire); MSNP8 to MSNP18. Decided: the catalog runs from 8.1.0178 to 14.0.8117.0416 and drops MSMSGS, and known clients keep the offer and URLs of August 2009.",
			Date:        "2010-03",
			Source:      "a Python script's output, 2010-03 (seen in real traffic)",
			Dialects:    []string{"MSNP8", "MSNP9", "MSNP10", "MSNP11", "MSNP12", "MSNP13", "MSNP14", "MSNP15", "MSNP16", "MSNP17", "MSNP18", "CVR0"},
			Catalog: []CatalogEntry{{
				Library: "MSNMSGR",
				First:   "8.1.0178",
				Last:    "14.0.8117.0416",
			}},
			Rules: []Rule{{
				Note: "every known client: the offer of August 2009",
				Offer: Offer{
					Recommended:  "14.0.8089",
					Recommended2: "14.0.8089",
					Minimum:      "14.0.8089",
					URLs: &URLs{
						Download: "http://msgruser.dlservice.microsoft.com/download/7/5/8/758BFCC9-1744-48F7-8162-E0AC1E7BF5C8/en/wlsetup-cvr.exe",
						Fallback: "http://download.live.com/?sku=messenger",
					},
				},
			}},
			URLs: URLs{
				Download:           "http://msgr.dlservice.microsoft.com",
				Fallback:           "http://download.live.com/?sku=messenger",
				EmptyAfterDownload: true,
			},
		}
	},
}
