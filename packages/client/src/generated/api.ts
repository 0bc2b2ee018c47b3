// Generated from packages/server/openapi.json by `npm run generate -w @ipr/client`. Do not edit.
/* eslint-disable */
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's account and master-account contact (the form's defaults)
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the catalogue by product link (exact) or by name (ranked, paginated)
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["searchProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Classify a batch of links (at most 1,600 inputs; unique links beyond 800 are over_limit): found, not found, not a product link, duplicate
         * @description Roles: complainant.
         */
        post: operations["resolveProductLinks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's saved evidence, newest first, a page at a time (100 by default; `nextCursor` for the next)
         * @description Roles: complainant.
         */
        get: operations["listEvidence"];
        put?: never;
        /**
         * Upload one evidence file (multipart field `file`, at most 5 MiB; the type is judged by the content). Per account: at most the storage quota in all (422 evidence.quota_exceeded), a few uploads in flight and a rate (429 with Retry-After)
         * @description Roles: complainant.
         */
        post: operations["uploadEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/evidence/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An evidence file's bytes (the owner; a supplier or the platform for evidence of a complaint they can see)
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["downloadEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Complaints the caller can see (complainant: own; supplier: listing its products; platform: all), newest first. `sort=match` (platform only; others get 403 `auth.forbidden`): the Picture Embezzlement complaints by their strongest picture match, smallest distance first, none comparable last, ties newest first; each summary carries `match`
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["listComplaints"];
        put?: never;
        /**
         * Submit a complaint. The same Idempotency-Key never makes two complaints.
         * @description Roles: complainant.
         */
        post: operations["createComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/status-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bulk status report: one row per product of every complaint the caller can see (a supplier: its own products), with the list's filters
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["complaintStatusReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One complaint with products, evidence, history and the actions the caller may take
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["getComplaint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel (complainant)
         * @description Action `cancel`: only a complainant, from `submitted`, `awaiting_supplier`, `supplier_responded` to `cancelled`. Other roles get 403, other statuses 409.
         */
        post: operations["cancelComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check now: re-check every product (complainant)
         * @description Action `check`: only a complainant, from `supplier_responded` (the status stays). Other roles get 403, other statuses 409.
         */
        post: operations["checkComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/confirm-close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm and close (complainant)
         * @description Action `confirm_close`: only a complainant, from `supplier_responded` to `closed`. Other roles get 403, other statuses 409.
         */
        post: operations["confirmCloseComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/arbitration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request arbitration with a reason (complainant)
         * @description Action `request_arbitration`: only a complainant, from `supplier_responded` to `in_arbitration`. Other roles get 403, other statuses 409.
         */
        post: operations["requestArbitration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forward to the supplier (platform)
         * @description Action `forward_to_supplier`: only a platform, from `submitted` to `awaiting_supplier`. Other roles get 403, other statuses 409.
         */
        post: operations["forwardComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Respond per product (supplier; only its own products)
         * @description Action `respond`: only a supplier, from `awaiting_supplier` to `supplier_responded`. Other roles get 403, other statuses 409.
         */
        post: operations["respondToComplaint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue the arbitration result notice (platform)
         * @description Action `issue_result`: only a platform, from `in_arbitration` to `arbitrated`. Other roles get 403, other statuses 409.
         */
        post: operations["issueArbitrationResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holder-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's saved IPR holder profiles, newest first
         * @description Roles: complainant.
         */
        get: operations["listHolderProfiles"];
        put?: never;
        /**
         * Save an IPR holder profile (at most 50 per account; an expired power of attorney cannot be saved; documents must be the caller's evidence)
         * @description Roles: complainant.
         */
        post: operations["createHolderProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holder-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a saved holder profile (the same rules as saving)
         * @description Roles: complainant.
         */
        put: operations["updateHolderProfile"];
        post?: never;
        /**
         * Delete a saved holder profile (complaints made with it keep their copy of the holder)
         * @description Roles: complainant.
         */
        delete: operations["deleteHolderProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live status as Server-Sent Events: `event: complaint`, `id: <history seq>`, `data: ComplaintEvent`, for the complaints the caller can see; a comment heartbeat every 15 s. At most 5 open streams per account (429 with Retry-After); HEAD answers the headers without opening one
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's webhook endpoints, newest first, with their pending and dead deliveries (never the secret)
         * @description Roles: complainant.
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register an endpoint for events of your complaints (https, a public host). The answer holds its signing secret (`whsec_…`), shown only this once
         * @description Roles: complainant.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an endpoint with its queued deliveries and log
         * @description Roles: complainant.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Enable or disable an endpoint. Disabled, it is queued no events and its pending deliveries wait; enabled again, they go at once
         * @description Roles: complainant.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new signing secret, shown only in this answer; for 24 hours deliveries carry a signature by the previous secret too
         * @description Roles: complainant.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An endpoint's delivery log: the latest deliveries (50 by default), each with its last attempts
         * @description Roles: complainant.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now (the same webhook-id and payload; its retries start over)
         * @description Roles: complainant.
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transparency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Notice-and-action figures (EU DSA Art. 15, 24) for complaints submitted in a period: by type and month, median and p90 hours to forward, to supplier response and to close, outcomes
         * @description Roles: platform.
         */
        get: operations["transparencyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transparency.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same figures as CSV: `section,key,value`, one figure a row
         * @description Roles: platform.
         */
        get: operations["transparencyReportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}/pictures/{position}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A catalogue picture of a product (JPEG or PNG; `size=thumbnail`: a 96 px JPEG). Public, as the marketplace's listing pictures are, so an `<img>` can show it without a token */
        get: operations["getProductPicture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/picture-matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each listed product's best match among the complaint's original pictures (distance of 64-bit DCT perceptual hashes, a band), strongest first. A supplier sees its own products only
         * @description Roles: complainant, supplier, platform.
         */
        get: operations["getPictureMatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pictures/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft's matches before it is filed: its product links against the caller's evidence named as originals (the form warns about products that match none)
         * @description Roles: complainant.
         */
        post: operations["matchPictures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        ComplaintType: "picture_embezzlement" | "trademark_infringement" | "copyright_infringement" | "patent_infringement";
        /** @enum {string} */
        Status: "submitted" | "awaiting_supplier" | "supplier_responded" | "in_arbitration" | "arbitrated" | "closed" | "cancelled";
        /** @enum {string} */
        Action: "cancel" | "check" | "confirm_close" | "request_arbitration" | "forward_to_supplier" | "respond" | "issue_result";
        /** @enum {string} */
        Role: "complainant" | "supplier" | "platform";
        /** @enum {string} */
        ProductStatus: "pending" | "removed" | "still_online" | "declared_non_infringing";
        /** @enum {string} */
        IssueCode: "field.required" | "field.invalid_type" | "field.too_short" | "field.too_long" | "field.too_big" | "field.too_small" | "field.invalid_choice" | "field.invalid_email" | "field.invalid_phone" | "field.invalid_date" | "field.unknown" | "links.required" | "links.too_many" | "links.empty" | "links.not_url" | "links.not_product_link" | "links.duplicate" | "links.not_found" | "links.already_in_open_complaint" | "evidence.required" | "evidence.too_many" | "evidence.empty" | "evidence.too_large" | "evidence.type_not_allowed" | "evidence.content_mismatch" | "evidence.name_invalid" | "evidence.not_found" | "evidence.quota_exceeded" | "sheet.type_not_allowed" | "sheet.too_large" | "sheet.corrupt" | "sheet.empty" | "sheet.no_link_column" | "sheet.too_many_rows" | "sheet.formula_cell" | "holder.required" | "holder.name_required" | "holder.id_type_required" | "holder.id_number_required" | "holder.attachments_required" | "holder.power_of_attorney_required" | "holder.power_of_attorney_expired" | "holder.profile_not_found" | "holder.profile_limit" | "picture.original_required" | "picture.not_image" | "picture.too_many_pixels" | "picture.too_small" | "picture.truncated" | "picture.unreadable" | "picture.no_match" | "declaration.required" | "transition.not_allowed" | "transition.forbidden" | "transition.reason_required" | "response.products_required" | "response.statement_required" | "response.unknown_product" | "webhook.url_invalid" | "webhook.url_not_https" | "webhook.url_private" | "webhook.endpoint_limit" | "complaint.duplicate" | "auth.unauthorized" | "auth.forbidden" | "resource.not_found" | "request.invalid_json" | "request.too_large" | "request.aborted" | "request.rate_limited" | "idempotency.key_reused" | "idempotency.in_progress" | "network.error" | "server.error" | "server.unavailable";
        Contact: {
            name: string;
            /** Format: email */
            email: string;
            phone: string;
            company?: string;
        };
        HolderInfo: {
            name: string;
            /** @enum {string} */
            identificationType?: "business_registration" | "id_card";
            identificationNumber: string;
            identificationAttachments: string[];
            powerOfAttorney: string[];
            powerOfAttorneyExpiresAt?: string | null;
            profileId?: string | null;
        };
        EvidenceRef: {
            id: string;
            original?: boolean;
        };
        Declaration: {
            goodFaith: boolean;
            accurate: boolean;
            authorised: boolean;
            version: string;
        };
        ComplaintDraft: {
            type: components["schemas"]["ComplaintType"];
            productLinks: string[];
            description: string;
            contact: components["schemas"]["Contact"];
            /** @default false */
            discloseContactToSupplier: boolean;
            /** @default false */
            isIprHolder: boolean;
            holder?: components["schemas"]["HolderInfo"] | null;
            evidence: components["schemas"]["EvidenceRef"][];
            declaration?: components["schemas"]["Declaration"];
        };
        EvidenceDescriptor: {
            id: string;
            name: string;
            size: number;
            extension: string;
            /** @enum {string} */
            kind: "image" | "document" | "spreadsheet" | "archive" | "email" | "text";
            mediaType: string;
            sha256: string;
            /** Format: date-time */
            createdAt: string;
        };
        Product: {
            id: string;
            url: string;
            name: string;
            supplierId: string;
            supplierName: string;
            thumbnailUrl: string | null;
            listed: boolean;
        };
        ComplaintProduct: {
            productId: string;
            url: string;
            name: string;
            supplierId: string;
            supplierName: string;
            thumbnailUrl: string | null;
            status: components["schemas"]["ProductStatus"];
            supplierResponse: ("removed" | "not_infringing") | null;
            supplierStatement: string | null;
            checkedAt: string | null;
        };
        Actor: {
            id: string | null;
            role: components["schemas"]["Role"];
            name: string;
        };
        TransitionRecord: {
            action: components["schemas"]["Action"] | "create";
            from: components["schemas"]["Status"] | null;
            to: components["schemas"]["Status"];
            actor: components["schemas"]["Actor"];
            /** Format: date-time */
            at: string;
            reason: string | null;
        };
        Arbitration: {
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            decision: ("upheld" | "partially_upheld" | "rejected") | null;
            notice: string | null;
            decidedAt: string | null;
        };
        Receipt: {
            number: string;
            /** Format: date-time */
            submittedAt: string;
            declarationVersion: string;
            products: {
                productId: string;
                url: string;
            }[];
            evidence: {
                id: string;
                name: string;
                sha256: string;
            }[];
        };
        /** @enum {string} */
        ComplaintSort: "newest" | "match";
        ComplaintMatch: {
            distance: number | null;
            /** @enum {string} */
            band: "likely_same" | "possibly_edited" | "no_match";
        };
        ComplaintSummary: {
            id: string;
            number: string;
            type: components["schemas"]["ComplaintType"];
            status: components["schemas"]["Status"];
            productCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            match?: components["schemas"]["ComplaintMatch"];
        };
        Complaint: {
            id: string;
            number: string;
            type: components["schemas"]["ComplaintType"];
            status: components["schemas"]["Status"];
            description: string;
            complainantId: string | null;
            contact: components["schemas"]["Contact"] | null;
            discloseContactToSupplier: boolean;
            isIprHolder: boolean;
            holder: components["schemas"]["HolderInfo"] | null;
            products: components["schemas"]["ComplaintProduct"][];
            evidence: {
                id: string;
                name: string;
                size: number;
                extension: string;
                /** @enum {string} */
                kind: "image" | "document" | "spreadsheet" | "archive" | "email" | "text";
                mediaType: string;
                sha256: string;
                /** Format: date-time */
                createdAt: string;
                original: boolean;
            }[];
            history: components["schemas"]["TransitionRecord"][];
            arbitration: components["schemas"]["Arbitration"] | null;
            receipt: components["schemas"]["Receipt"] | null;
            allowedActions: components["schemas"]["Action"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Account: {
            id: string;
            role: components["schemas"]["Role"];
            displayName: string;
            contact: components["schemas"]["Contact"];
        };
        Issue: {
            code: components["schemas"]["IssueCode"];
            path: (string | number)[];
            message: string;
            params?: {
                [key: string]: string | number;
            };
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            code: components["schemas"]["IssueCode"];
            issues: components["schemas"]["Issue"][];
        };
        ReasonBody: {
            reason?: string;
        };
        SupplierResponseBody: {
            products: {
                productId: string;
                /** @enum {string} */
                response: "removed" | "not_infringing";
                statement?: string;
            }[];
        };
        ArbitrationResultBody: {
            /** @enum {string} */
            decision: "upheld" | "partially_upheld" | "rejected";
            notice: string;
        };
        ResolveLinksBody: {
            links: string[];
        };
        ResolvedLink: {
            index: number;
            input: string;
            /** @enum {string} */
            status: "found" | "not_found" | "not_product_link" | "not_url" | "empty" | "duplicate" | "over_limit";
            url?: string;
            duplicateOf?: number;
            product?: components["schemas"]["Product"];
            openComplaint?: {
                id: string;
                number: string;
            };
        };
        PowerOfAttorneyState: {
            /** @enum {string} */
            state: "none" | "valid" | "expiring" | "expired";
            expiresAt: string | null;
            daysLeft: number | null;
        };
        HolderProfileInput: {
            label?: string;
            holder: components["schemas"]["HolderInfo"];
        };
        HolderProfile: {
            id: string;
            label: string;
            holder: components["schemas"]["HolderInfo"];
            powerOfAttorney: components["schemas"]["PowerOfAttorneyState"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ComplaintEvent: {
            id: string;
            number: string;
            status: components["schemas"]["Status"];
            action: components["schemas"]["Action"] | "create";
            /** Format: date-time */
            updatedAt: string;
            seq: number;
        };
        StatusReportRow: {
            number: string;
            type: components["schemas"]["ComplaintType"];
            status: components["schemas"]["Status"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            productUrl: string;
            productName: string;
            productStatus: components["schemas"]["ProductStatus"];
            supplierResponse: ("removed" | "not_infringing") | null;
        };
        WebhookEndpointInput: {
            url: string;
            description?: string;
            events?: ("complaint.submitted" | "complaint.forwarded" | "complaint.supplier_responded" | "complaint.checked" | "complaint.closed" | "complaint.arbitration_requested" | "complaint.arbitrated" | "complaint.cancelled")[];
        };
        WebhookEndpointPatch: {
            enabled: boolean;
        };
        WebhookEndpoint: {
            id: string;
            url: string;
            description: string;
            events: ("complaint.submitted" | "complaint.forwarded" | "complaint.supplier_responded" | "complaint.checked" | "complaint.closed" | "complaint.arbitration_requested" | "complaint.arbitrated" | "complaint.cancelled")[];
            /** Format: date-time */
            createdAt: string;
            pending: number;
            dead: number;
            enabled: boolean;
            previousSecretExpiresAt: string | null;
        };
        WebhookEndpointCreated: {
            id: string;
            url: string;
            description: string;
            events: ("complaint.submitted" | "complaint.forwarded" | "complaint.supplier_responded" | "complaint.checked" | "complaint.closed" | "complaint.arbitration_requested" | "complaint.arbitrated" | "complaint.cancelled")[];
            /** Format: date-time */
            createdAt: string;
            pending: number;
            dead: number;
            enabled: boolean;
            previousSecretExpiresAt: string | null;
            secret: string;
        };
        WebhookAttempt: {
            /** Format: date-time */
            at: string;
            status: number | null;
            error: string | null;
            durationMs: number;
        };
        WebhookDelivery: {
            id: string;
            /** @enum {string} */
            type: "complaint.submitted" | "complaint.forwarded" | "complaint.supplier_responded" | "complaint.checked" | "complaint.closed" | "complaint.arbitration_requested" | "complaint.arbitrated" | "complaint.cancelled";
            complaintId: string;
            /** @enum {string} */
            state: "pending" | "delivered" | "dead";
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            nextAttemptAt: string | null;
            payload: string;
            lastAttempts: components["schemas"]["WebhookAttempt"][];
        };
        WebhookPayload: {
            /** @enum {string} */
            type: "complaint.submitted" | "complaint.forwarded" | "complaint.supplier_responded" | "complaint.checked" | "complaint.closed" | "complaint.arbitration_requested" | "complaint.arbitrated" | "complaint.cancelled";
            /** Format: date-time */
            timestamp: string;
            data: {
                id: string;
                number: string;
                status: string;
                previousStatus: string | null;
                action: string;
                seq: number;
            };
        };
        TransparencyReport: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            notices: {
                total: number;
                byType: {
                    [key: string]: number;
                };
                byMonth: {
                    month: string;
                    total: number;
                    byType: {
                        [key: string]: number;
                    };
                }[];
            };
            durations: {
                toForward: {
                    count: number;
                    medianHours: number | null;
                    p90Hours: number | null;
                };
                toSupplierResponse: {
                    count: number;
                    medianHours: number | null;
                    p90Hours: number | null;
                };
                toClose: {
                    count: number;
                    medianHours: number | null;
                    p90Hours: number | null;
                };
            };
            outcomes: {
                productsRemoved: number;
                productsDeclaredNonInfringing: number;
                arbitratedFor: number;
                arbitratedAgainst: number;
                cancelled: number;
                open: number;
            };
        };
        Health: {
            /** @constant */
            ok: true;
            largeAttachmentEmail?: string;
        };
        ProductPage: {
            items: components["schemas"]["Product"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ResolvedLinks: {
            items: components["schemas"]["ResolvedLink"][];
        };
        EvidenceList: {
            items: components["schemas"]["EvidenceDescriptor"][];
            nextCursor: string | null;
        };
        ComplaintPage: {
            items: components["schemas"]["ComplaintSummary"][];
            total: number;
            nextCursor: string | null;
        };
        HolderProfileList: {
            items: components["schemas"]["HolderProfile"][];
        };
        StatusReport: {
            rows: components["schemas"]["StatusReportRow"][];
            truncated: boolean;
        };
        WebhookEndpointList: {
            items: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookDeliveryList: {
            items: components["schemas"]["WebhookDelivery"][];
        };
        /** @enum {string} */
        PictureBand: "likely_same" | "possibly_edited" | "no_match";
        PictureOriginal: {
            evidenceId: string;
            name: string;
            thumbnailUrl: string | null;
            issue: components["schemas"]["Issue"] | null;
        };
        ProductPicture: {
            position: number;
            url: string;
            thumbnailUrl: string;
        };
        ProductPictureMatch: {
            productId: string;
            url: string;
            name: string;
            supplierId: string;
            pictures: components["schemas"]["ProductPicture"][];
            best: {
                evidenceId: string;
                position: number;
                distance: number;
                mirrored: boolean;
            } | null;
            band: components["schemas"]["PictureBand"];
        };
        PictureMatches: {
            originals: components["schemas"]["PictureOriginal"][];
            products: components["schemas"]["ProductPictureMatch"][];
            summary: {
                likelySame: number;
                possiblyEdited: number;
                noMatch: number;
            };
            thresholds: {
                likelySame: number;
                possiblyEdited: number;
            };
        };
        PictureMatchBody: {
            productLinks: string[];
            originals: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchProducts: {
        parameters: {
            query?: {
                /** @description Search text */
                q?: string;
                /** @description A product link (normalised, exact match) */
                link?: string;
                /** @description 1-based page number */
                page?: number;
                /** @description Items per page (at most 50, default 20) */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveProductLinks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveLinksBody"];
            };
        };
        responses: {
            /** @description One answer per input, in order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolvedLinks"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvidence: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                /** @description Items per page (at most 100; complaints 20 by default, evidence 100) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of saved evidence, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceList"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description One file, at most 5 MiB
                     */
                    file: Blob;
                    /** @description Display name (default: the file part's name); sanitised */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The stored evidence */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceDescriptor"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment */
            200: {
                headers: {
                    /** @description attachment; filename="…"; filename*=UTF-8''… */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": Blob;
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listComplaints: {
        parameters: {
            query?: {
                /** @description Only complaints in this status */
                status?: "submitted" | "awaiting_supplier" | "supplier_responded" | "in_arbitration" | "arbitrated" | "closed" | "cancelled";
                /** @description Only complaints of this type */
                type?: "picture_embezzlement" | "trademark_infringement" | "copyright_infringement" | "patent_infringement";
                /** @description Search text */
                q?: string;
                /** @description The `nextCursor` of the previous page */
                cursor?: string;
                /** @description Items per page (at most 100; complaints 20 by default, evidence 100) */
                limit?: number;
                /** @description 1-based page number */
                page?: number;
                sort?: "newest" | "match";
            };
            header?: {
                /** @description The ETag of the copy the caller holds: a 304 without a body when it is still current */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of complaints, newest first (or by match) */
            200: {
                headers: {
                    /** @description A strong validator of this answer for this caller; send it back in If-None-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintPage"];
                };
            };
            /** @description Not modified: the copy whose ETag was sent is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createComplaint: {
        parameters: {
            query?: never;
            header: {
                /** @description A client-chosen key (at most 255 characters), the same for every retry of one submission */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComplaintDraft"];
            };
        };
        responses: {
            /** @description A replay: the complaint this key already made */
            200: {
                headers: {
                    /** @description true */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description The new complaint */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    complaintStatusReport: {
        parameters: {
            query?: {
                /** @description Only complaints in this status */
                status?: "submitted" | "awaiting_supplier" | "supplier_responded" | "in_arbitration" | "arbitrated" | "closed" | "cancelled";
                /** @description Only complaints of this type */
                type?: "picture_embezzlement" | "trademark_infringement" | "copyright_infringement" | "patent_infringement";
                /** @description Search text */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description At most 50000 rows, newest complaint first; `truncated` when there were more */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusReport"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getComplaint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the copy the caller holds: a 304 without a body when it is still current */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The complaint */
            200: {
                headers: {
                    /** @description A strong validator of this answer for this caller; send it back in If-None-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Not modified: the copy whose ETag was sent is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            /** @description The complaint after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The complaint after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmCloseComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The complaint after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestArbitration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonBody"];
            };
        };
        responses: {
            /** @description The complaint after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    forwardComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The complaint after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    respondToComplaint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplierResponseBody"];
            };
        };
        responses: {
            /** @description The complaint after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueArbitrationResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArbitrationResultBody"];
            };
        };
        responses: {
            /** @description The complaint after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Complaint"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHolderProfiles: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the copy the caller holds: a 304 without a body when it is still current */
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved holder profiles with the state of each power of attorney */
            200: {
                headers: {
                    /** @description A strong validator of this answer for this caller; send it back in If-None-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolderProfileList"];
                };
            };
            /** @description Not modified: the copy whose ETag was sent is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createHolderProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HolderProfileInput"];
            };
        };
        responses: {
            /** @description The saved profile */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolderProfile"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateHolderProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HolderProfileInput"];
            };
        };
        responses: {
            /** @description The updated profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolderProfile"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteHolderProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Replay the events after this event id (a history seq); the Last-Event-ID header wins when both are sent */
                after?: number;
            };
            header?: {
                /** @description The id of the last event received: the events after it are replayed first */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A text/event-stream; each `data` is a ComplaintEvent (JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointInput"];
            };
        };
        responses: {
            /** @description The endpoint with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointCreated"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointPatch"];
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint with its new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointCreated"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page (at most 100; complaints 20 by default, evidence 100) */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, newest event first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transparencyReport: {
        parameters: {
            query?: {
                /** @description The start of the period (a date, or a date-time), inclusive; default: the first day of the month a year ago */
                from?: string;
                /** @description The end of the period (a date, or a date-time), exclusive; default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransparencyReport"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transparencyReportCsv: {
        parameters: {
            query?: {
                /** @description The start of the period (a date, or a date-time), inclusive; default: the first day of the month a year ago */
                from?: string;
                /** @description The end of the period (a date, or a date-time), exclusive; default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (UTF-8, CRLF) */
            200: {
                headers: {
                    /** @description attachment; filename="transparency-<from>-<to>.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProductPicture: {
        parameters: {
            query?: {
                /** @description `thumbnail` for a 96 px JPEG; the whole picture by default */
                size?: "full" | "thumbnail";
            };
            header?: never;
            path: {
                id: string;
                position: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The picture */
            200: {
                headers: {
                    /** @description public, max-age=86400 */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": Blob;
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPictureMatches: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matches */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PictureMatches"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller (`resource.not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    matchPictures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PictureMatchBody"];
            };
        };
        responses: {
            /** @description The matches */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PictureMatches"];
                };
            };
            /** @description Malformed JSON or a wrong content type (`request.invalid_json`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or unknown bearer token (`auth.unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role may not do this (`auth.forbidden`, `transition.forbidden`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over the limit (`evidence.too_large`, `request.too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The input breaks a rule: every issue with its code and path */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
