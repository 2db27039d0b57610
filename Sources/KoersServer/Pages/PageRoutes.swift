public import Hummingbird
import KoersStorage
import NIOCore

/// The HTML pages: the pack list and anonymous interviews with a resume link, the coach's
/// login, organisations, sessions, results with overrides, reports and share links, and the
/// read-only shared report. Server-rendered from Mustache templates; every form works without
/// JavaScript.
///
/// | path | what |
/// | --- | --- |
/// | `GET /` | choose a pack; `POST /start` begins an anonymous session |
/// | `/r/{resumeToken}…` | an anonymous session: the question, `/questions/{id}`, `POST /answer`, `/result`, `/report` |
/// | `GET`/`POST /login`, `POST /logout` | a coach's login (cookie) |
/// | `/organisations…` | a coach's organisations, sessions, comparison and share links |
/// | `/sessions/{id}…` | a coach's session: as `/r/…`, plus notes and `POST /overrides` |
/// | `…/review`, `…/history` | every answer before the verdict; every change with its author |
/// | `POST /sessions/{id}/scores/{score}/verification` | a second coach verifies or disputes a score |
/// | `POST /share-links/{id}/revoke` | revokes a share link |
/// | `GET /s/{token}` | the shared report, nothing else; 404 "link not valid" otherwise |
public enum PageRoutes {
    /// Adds the pages to a router.
    ///
    /// - Parameters:
    ///   - router: The router.
    ///   - services: The services the pages call.
    ///   - settings: How the pages are served (cookies, public address).
    /// - Throws: When the page templates cannot be loaded.
    public static func add<Context: RequestContext>(
        to router: Router<Context>,
        services: KoersServices,
        settings: PageSettings = PageSettings()
    ) throws {
        let templates = try PageTemplates()
        let pages = PageHandlers(services: services, templates: templates, settings: settings)
        let script = templates.render("script", [:])

        router.get("/assets/koers.js") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: script)))
        }
        router.get("/") { request, context in await pages.respond(request, context) { visit in pages.home(visit: visit) } }
        router.post("/start") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.start(
                    form: await pages.form(request), visit: visit,
                    client: (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
                )
            }
        }

        // Anonymous sessions, opened by the resume token in the URL.
        router.get("/r/{token}") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.nextQuestion(try await pages.anonymousPlace(token: context.parameter("token"), visit: visit), visit: visit)
            }
        }
        router.get("/r/{token}/questions/{question}") { request, context in
            await pages.respond(request, context) { visit in
                let place = try await pages.anonymousPlace(token: context.parameter("token"), visit: visit)
                return try await pages.changeQuestion(context.parameter("question"), place, visit: visit)
            }
        }
        router.post("/r/{token}/answer") { request, context in
            await pages.respond(request, context) { visit in
                let place = try await pages.anonymousPlace(token: context.parameter("token"), visit: visit)
                return try await pages.answer(place, form: await pages.form(request), visit: visit)
            }
        }
        router.get("/r/{token}/result") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.result(try await pages.anonymousPlace(token: context.parameter("token"), visit: visit), visit: visit)
            }
        }
        router.get("/r/{token}/report") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.report(try await pages.anonymousPlace(token: context.parameter("token"), visit: visit), visit: visit, format: request.uri.queryParameters["format"].map(String.init), includesHistory: request.uri.queryParameters["history"] == "1")
            }
        }

        // Coaches.
        router.get("/login") { request, context in await pages.respond(request, context) { visit in pages.loginPage(visit: visit) } }
        router.post("/login") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.login(form: await pages.form(request), visit: visit, client: (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress)
            }
        }
        router.post("/logout") { request, context in
            await pages.respond(request, context) { visit in try await pages.logout(form: await pages.form(request), visit: visit) }
        }
        router.get("/organisations") { request, context in
            await pages.respond(request, context) { visit in try await pages.organisations(visit: visit) }
        }
        router.post("/organisations") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.createOrganisation(form: await pages.form(request), visit: visit)
            }
        }
        router.get("/organisations/{id}") { request, context in
            await pages.respond(request, context) { visit in try await pages.organisation(context.parameter("id"), visit: visit) }
        }
        router.post("/organisations/{id}/sessions") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.createSession(
                    organisationID: context.parameter("id"), form: await pages.form(request), visit: visit
                )
            }
        }
        router.get("/organisations/{id}/compare") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.compare(
                    organisationID: context.parameter("id"), query: FormData(request.uri.query ?? ""), visit: visit
                )
            }
        }
        router.post("/organisations/{id}/share-links") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.createShareLink(
                    organisationID: context.parameter("id"), form: await pages.form(request), visit: visit
                )
            }
        }
        router.post("/share-links/{id}/revoke") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.revokeShareLink(context.parameter("id"), form: await pages.form(request), visit: visit)
            }
        }
        router.get("/sessions/{id}") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.nextQuestion(try pages.coachPlace(id: context.parameter("id"), visit: visit), visit: visit)
            }
        }
        router.get("/sessions/{id}/questions/{question}") { request, context in
            await pages.respond(request, context) { visit in
                let place = try pages.coachPlace(id: context.parameter("id"), visit: visit)
                return try await pages.changeQuestion(context.parameter("question"), place, visit: visit)
            }
        }
        router.post("/sessions/{id}/answer") { request, context in
            await pages.respond(request, context) { visit in
                let place = try pages.coachPlace(id: context.parameter("id"), visit: visit)
                return try await pages.answer(place, form: await pages.form(request), visit: visit)
            }
        }
        router.get("/sessions/{id}/result") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.result(try pages.coachPlace(id: context.parameter("id"), visit: visit), visit: visit)
            }
        }
        router.post("/sessions/{id}/overrides") { request, context in
            await pages.respond(request, context) { visit in
                let place = try pages.coachPlace(id: context.parameter("id"), visit: visit)
                return try await pages.override(place, form: await pages.form(request), visit: visit)
            }
        }
        router.get("/sessions/{id}/report") { request, context in
            await pages.respond(request, context) { visit in
                try await pages.report(try pages.coachPlace(id: context.parameter("id"), visit: visit), visit: visit, format: request.uri.queryParameters["format"].map(String.init), includesHistory: request.uri.queryParameters["history"] == "1")
            }
        }

        // Accounts, one's own password and the organisation's data.
        AccountPageRoutes.add(to: router, pages: pages)
        WorkspaceRoutes.add(to: router, pages: pages)

        // Any other page: "not found" as a page (the API's own paths keep their problem details).
        router.get("/**") { request, context -> Response in
            if request.uri.path.hasPrefix("/api/") { throw HTTPError(.notFound) }
            return await pages.respond(request, context) { visit in pages.notFound(visit) }
        }

        // Share links: the report and nothing else.
        router.get("/s/{token}") { request, context in
            await pages.sharedReport(context.parameter("token"), visit: await pages.visit(request, context))
        }
    }
}

extension RequestContext {
    /// A path parameter; empty when absent (the route always has it).
    fileprivate func parameter(_ name: String) -> String {
        parameters.get(name) ?? ""
    }
}

extension PageHandlers {
    /// Runs a page handler: reads the visit, and turns a service error into its page (never a
    /// stack trace; anything else is "something went wrong", 500).
    func respond(
        _ request: Request,
        _ context: some RequestContext,
        _ body: (PageVisit) async throws -> Response
    ) async -> Response {
        let visit = await visit(request, context)
        // A reviewer reads only: every form but logging out and their own password is refused
        // here, before any handler (the services refuse each change as well).
        if request.method == .post, let coach = visit.coach?.coach, !coach.role.canWrite,
            !AccountPageRoutes.readerForms.contains(request.uri.path)
        {
            return forbidden(Access.readOnly, visit: visit)
        }
        do {
            return try await body(visit)
        } catch let error as FormTooLarge {
            return formTooLarge(error, visit: visit)
        } catch let error as ServiceError {
            return failure(error, visit: visit)
        } catch {
            return failure(.failed("\(error)"), visit: visit)
        }
    }
}
