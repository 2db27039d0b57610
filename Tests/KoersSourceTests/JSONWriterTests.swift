import Foundation
import KoersSource
import Testing

@Suite("JSONWriter: the one JSON byte writer")
struct JSONWriterTests {
    /// The text a writer wrote.
    private func text(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        write(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("strings and keys from data are escaped as JSONString escapes them")
    func escaping() throws {
        let hard = "\"q\" \\ a/b \n\r\t\u{08}\u{0C}\u{01}\u{1F} é € 😀"
        var quoted: [UInt8] = []
        JSONString.appendQuoted(hard, to: &quoted)
        let quotedText = String(decoding: quoted, as: UTF8.self)
        #expect(text { $0.string(hard) } == quotedText)
        let object = text { writer in
            writer.beginObject()
            writer.key(quoting: hard)
            writer.string(hard)
            writer.endObject()
        }
        #expect(object == "{\(quotedText):\(quotedText)}")
        let read = try JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: String]
        #expect(read == [hard: hard])
    }

    @Test("a key spelled out in the program is copied as it is")
    func staticKeys() {
        let written = text { writer in
            writer.beginObject()
            writer.key("pack_id")
            writer.string("demo")
            writer.key("é")
            writer.integer(1)
            writer.endObject()
        }
        #expect(written == #"{"pack_id":"demo","é":1}"#)
    }

    @Test("commas come between the elements of every object and array, at any depth, and nowhere else")
    func nesting() throws {
        let written = text { writer in
            writer.beginObject()
            writer.key("a")
            writer.beginArray()
            writer.integer(1)
            writer.beginObject()
            writer.key("b")
            writer.beginArray()
            writer.endArray()
            writer.key("c")
            writer.beginObject()
            writer.endObject()
            writer.endObject()
            writer.beginArray()
            writer.beginArray()
            writer.null()
            writer.endArray()
            writer.endArray()
            writer.string("x")
            writer.endArray()
            writer.key("d")
            writer.boolean(false)
            writer.key("e")
            writer.array(["p", "q"]) { writer, element in writer.string(element) }
            writer.endObject()
        }
        #expect(written == #"{"a":[1,{"b":[],"c":{}},[[null]],"x"],"d":false,"e":["p","q"]}"#)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(written.utf8)) }
    }

    @Test("whole numbers are written in decimal digits, as JSONEncoder writes an Int")
    func numbers() throws {
        for value in [0, 7, -1, 42, 60_000, -123_456_789, Int.max, Int.min] {
            #expect(text { $0.integer(value) } == String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
        }
        #expect(text { $0.array([1, -2, 30]) { writer, value in writer.integer(value) } } == "[1,-2,30]")
    }

    @Test("true, false and null")
    func literals() {
        let written = text { writer in
            writer.beginArray()
            writer.boolean(true)
            writer.boolean(false)
            writer.null()
            writer.endArray()
        }
        #expect(written == "[true,false,null]")
        #expect(text { $0.null() } == "null")
    }

    @Test("empty objects and arrays, alone and side by side")
    func emptyContainers() {
        #expect(
            text { writer in
                writer.beginObject()
                writer.endObject()
            } == "{}"
        )
        #expect(
            text { writer in
                writer.beginArray()
                writer.endArray()
            } == "[]"
        )
        #expect(text { $0.array([String]()) { writer, element in writer.string(element) } } == "[]")
        let written = text { writer in
            writer.beginArray()
            writer.beginObject()
            writer.endObject()
            writer.beginArray()
            writer.endArray()
            writer.beginObject()
            writer.endObject()
            writer.endArray()
        }
        #expect(written == "[{},[],{}]")
    }

    @Test("a value the caller writes itself gets its comma like any other")
    func appendedValues() {
        let written = text { writer in
            writer.beginArray()
            writer.appendValue { bytes in bytes.append(contentsOf: "0.25".utf8) }
            writer.appendValue { bytes in bytes.append(contentsOf: #"{"kept":1}"#.utf8) }
            writer.integer(3)
            writer.endArray()
        }
        #expect(written == #"[0.25,{"kept":1},3]"#)
    }

    @Test("JSON Lines: each line starts without a comma, also after a line written into the buffer")
    func lines() {
        let written = text { writer in
            writer.beginObject()
            writer.key("row")
            writer.integer(1)
            writer.endObject()
            writer.newline()
            writer.withBytes { bytes in bytes.append(contentsOf: "{\"row\":2}\n".utf8) }
            writer.beginObject()
            writer.key("row")
            writer.integer(3)
            writer.endObject()
            writer.newline()
        }
        #expect(written == "{\"row\":1}\n{\"row\":2}\n{\"row\":3}\n")
    }

    @Test("a writer made with a capacity starts empty")
    func capacity() {
        let writer = JSONWriter(capacity: 1024)
        #expect(writer.bytes.isEmpty)
    }
}
