import Foundation
import KoersStorage

/// `POST /api/v1/me/password`.
struct ChangePasswordBody: APIRequestBody {
    typealias Field = CodingKeys
    var currentPassword: String
    var newPassword: String

    enum CodingKeys: String, CodingKey, CaseIterable { case currentPassword, newPassword }
}

/// `POST /api/v1/accounts`.
struct AccountBody: APIRequestBody {
    typealias Field = CodingKeys
    var email: String
    var name: String
    var password: String
    var role: AccountRole

    enum CodingKeys: String, CodingKey, CaseIterable { case email, name, password, role }
}

/// `PATCH /api/v1/accounts/{accountId}`: the role, whether it is active, or both.
struct AccountChangeBody: APIRequestBody {
    typealias Field = CodingKeys
    var role: AccountRole?
    var active: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable { case role, active }
}

/// `POST /api/v1/accounts/{accountId}/password`.
struct PasswordResetBody: APIRequestBody {
    typealias Field = CodingKeys
    var password: String

    enum CodingKeys: String, CodingKey, CaseIterable { case password }
}

/// `POST /api/v1/organisations/{organisationId}/imports`: the text of a `koers-session/1` file
/// or an answers file (YAML or JSON), with the label of the new session and the pack of an
/// answers file that names none.
struct ImportBody: APIRequestBody {
    typealias Field = CodingKeys
    var file: String
    var fileName: String?
    var label: String?
    var pack: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case file, fileName, label, pack }
}

/// `{"accounts": […]}`.
struct AccountList: Encodable {
    var accounts: [AccountView]
}
